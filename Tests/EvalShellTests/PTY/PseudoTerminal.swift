import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Runs a program on the slave side of a pseudo-terminal, as if a person sat at a terminal:
/// keystrokes go in through the master side, and everything the program draws comes back.
///
/// The child is started with `posix_spawn` in a new session whose controlling terminal is
/// the pty, so Ctrl-C typed into it raises SIGINT in the child exactly as in a real terminal.
final class PseudoTerminal {
    enum Failure: Error, CustomStringConvertible {
        case cannotOpen(String)
        case cannotSpawn(String)
        case timedOut(waitingFor: String, screen: String)
        case stillRunning(screen: String)

        var description: String {
            switch self {
            case .cannotOpen(let reason): return "cannot open a pseudo-terminal: \(reason)"
            case .cannotSpawn(let reason): return "cannot start the program: \(reason)"
            case .timedOut(let expected, let screen):
                return "timed out waiting for \(expected.debugDescription); output so far:\n\(screen)"
            case .stillRunning(let screen): return "the program did not exit; output so far:\n\(screen)"
            }
        }
    }

    /// glibc's POSIX_SPAWN_SETSID (<spawn.h>, 2.26+), hidden from Swift behind __USE_GNU.
    private static let spawnSetSessionID: Int32 = 0x80

    let pid: pid_t
    private let master: Int32
    private let slaveName: String
    private var raw = Data()
    /// How much of `transcript` earlier `expect` calls consumed.
    private var consumed = 0
    private var exitStatus: Int32?

    /// Starts `executable` with `arguments` under a `columns`×`rows` terminal. The
    /// environment is exactly `environment` plus `TERM=xterm` unless it sets TERM itself.
    init(
        executable: String,
        arguments: [String] = [],
        environment: [String: String],
        columns: UInt16 = 100,
        rows: UInt16 = 30
    ) throws {
        var masterDescriptor: Int32 = -1
        var slaveDescriptor: Int32 = -1
        var size = winsize(ws_row: rows, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterDescriptor, &slaveDescriptor, nil, nil, &size) == 0 else {
            throw Failure.cannotOpen(String(cString: strerror(errno)))
        }
        defer { close(slaveDescriptor) }
        guard let slaveName = ttyname(slaveDescriptor).map({ String(cString: $0) }) else {
            close(masterDescriptor)
            throw Failure.cannotOpen("the slave has no name")
        }
        _ = fcntl(masterDescriptor, F_SETFD, FD_CLOEXEC)
        _ = fcntl(masterDescriptor, F_SETFL, fcntl(masterDescriptor, F_GETFL) | O_NONBLOCK)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid(), so the pty becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, slaveName, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDOUT_FILENO)
        posix_spawn_file_actions_adddup2(&actions, STDIN_FILENO, STDERR_FILENO)
        posix_spawn_file_actions_addclose(&actions, slaveDescriptor)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(
            &attributes, Int16(Self.spawnSetSessionID | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        var fullEnvironment = environment
        if fullEnvironment["TERM"] == nil { fullEnvironment["TERM"] = "xterm" }
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = fullEnvironment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var child = pid_t()
        let status = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard status == 0 else {
            close(masterDescriptor)
            throw Failure.cannotSpawn("\(executable): \(String(cString: strerror(status)))")
        }
        pid = child
        master = masterDescriptor
        self.slaveName = slaveName
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Everything the program wrote, escape sequences included.
    var rawOutput: String { String(decoding: raw, as: UTF8.self) }

    /// Everything the program wrote, as plain text (see `TerminalText.strip`).
    var transcript: String { TerminalText.strip(rawOutput) }

    /// Types `keys` (text, "\r" for Enter, "\t", "\u{1B}[A" for Up, "\u{03}" for Ctrl-C, …).
    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return
            }
            offset += written
        }
    }

    /// Waits until `text` appears in the plain-text output after the previous match, and
    /// returns the output from the previous match up to and including this one.
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let plain = Array(transcript)
            let unread = String(plain[min(consumed, plain.count)...])
            if let range = unread.range(of: text) {
                let upToMatch = String(unread[..<range.upperBound])
                consumed += upToMatch.count
                return upToMatch
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0, pump(timeout: remaining) != .closed else {
                throw Failure.timedOut(waitingFor: text, screen: transcript)
            }
        }
    }

    /// Waits for `prompt` and then until the terminal has left canonical mode, i.e. the line
    /// editor reads key by key. libedit draws its prompt before switching modes; keys sent
    /// in between are handled by the kernel's line discipline, where ^C, ^D and ^R mean
    /// something else and escape sequences are echoed.
    @discardableResult
    func expectPrompt(_ prompt: String, timeout: TimeInterval = 10) throws -> String {
        let output = try expect(prompt, timeout: timeout)
        let deadline = Date().addingTimeInterval(timeout)
        while isCanonical() {
            guard Date() < deadline else {
                throw Failure.timedOut(waitingFor: "raw mode after \(prompt.debugDescription)", screen: transcript)
            }
            usleep(2_000)
        }
        return output
    }

    /// Whether the terminal is in canonical (line-by-line, cooked) mode, read from the slave
    /// side, which carries the line discipline's settings.
    private func isCanonical() -> Bool {
        let slave = open(slaveName, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { return false }
        defer { close(slave) }
        var settings = termios()
        guard tcgetattr(slave, &settings) == 0 else { return false }
        return settings.c_lflag & tcflag_t(ICANON) != 0
    }

    /// Waits for the program to exit, collecting its last output, and returns its exit
    /// status (128 + signal number when a signal ended it).
    func waitForExit(timeout: TimeInterval = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let exitStatus { return exitStatus }
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                while pump(timeout: 0.05) == .received {}
                let signal = status & 0x7f
                exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
                return exitStatus!
            }
            _ = pump(timeout: 0.05)
        }
        throw Failure.stillRunning(screen: transcript)
    }

    private enum PumpResult { case received, idle, closed }

    /// Reads what arrives within `timeout` (at most a second per call). `.closed` means the
    /// slave side is gone: the program exited and nothing more will come.
    private func pump(timeout: TimeInterval) -> PumpResult {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(0, min(timeout, 1)) * 1000))
        if ready == 0 || (ready < 0 && errno == EINTR) { return .idle }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(master, &buffer, buffer.count)
        if count < 0 && (errno == EAGAIN || errno == EINTR) { return .idle }
        guard count > 0 else { return .closed }
        raw.append(contentsOf: buffer[..<count])
        return .received
    }
}
