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

        let arguments = ["/bin/sh", "-c", command + " \"$1\"", "evalsh-edit", path]
        switch ShellChild.spawn(arguments, actions: nil, defaultSignals: [SIGINT]) {
        case .failure(let failure): return .failure(failure)
        case .success(let pid):
            guard let status = ShellChild.wait(pid) else {
                return .failure(PagerProcess.Failure(message: "lost the editor: \(String(cString: strerror(errno)))"))
            }
            return .success(status)
        }
    }
}
