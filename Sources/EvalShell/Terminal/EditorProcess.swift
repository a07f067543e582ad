import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the user's text editor on a file, on the shell's terminal, and waits for it.
///
/// The editor is `$VISUAL`, else `$EDITOR`, else `vi` (as psql's `\e`), run under
/// `/bin/sh -c` so that the variable may carry arguments (`code --wait`); the file's path is
/// passed as an argument, never spliced into the command. While it runs the shell ignores
/// SIGINT, which the editor handles itself.
enum EditorProcess {
    /// The editor command `environment` names.
    static func command(environment: [String: String]) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty { return value }
        }
        return "vi"
    }

    /// Runs `command` on `path`; returns its exit status (128 + N when signal N ended it), or
    /// a reason when it could not start.
    static func run(_ command: String, path: String) -> Result<Int32, PagerProcess.Failure> {
        fflush(nil)
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        defer { signal(SIGINT, previousInterrupt) }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let arguments = ["/bin/sh", "-c", command + " \"$1\"", "evalsh-edit", path]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, "/bin/sh", nil, &attributes, argv, environ)
        guard started == 0 else {
            return .failure(PagerProcess.Failure(message: "cannot start /bin/sh: \(String(cString: strerror(started)))"))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return .failure(PagerProcess.Failure(message: "lost the editor: \(String(cString: strerror(errno)))")) }
        }
        let low = status & 0x7f
        return .success(low == 0 ? (status >> 8) & 0xff : 128 + low)
    }
}
