#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `/bin/sh` child on the shell's terminal (the pager, `edit`'s editor): started with the
/// default action of the signals the shell ignores while it waits, and waited for.
enum ShellChild {
    /// Starts `/bin/sh` with `arguments` (its `argv`, `sh` first) and `actions` (nil for none);
    /// `signals` get their default action in the child.
    static func spawn(
        _ arguments: [String], actions: UnsafePointer<posix_spawn_file_actions_t>?, defaultSignals signals: [Int32]
    ) -> Result<pid_t, PagerProcess.Failure> {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in signals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, "/bin/sh", actions, &attributes, argv, environ)
        guard status == 0 else {
            return .failure(PagerProcess.Failure(message: "cannot start /bin/sh: \(String(cString: strerror(status)))"))
        }
        return .success(pid)
    }

    /// Waits for `pid`, retrying interrupted waits: its exit status, 128 + N when signal N ended
    /// it, nil when it was lost (another error of `waitpid`).
    static func wait(_ pid: pid_t) -> Int32? {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return nil }
        }
        let low = status & 0x7f
        return low == 0 ? (status >> 8) & 0xff : 128 + low
    }
}
