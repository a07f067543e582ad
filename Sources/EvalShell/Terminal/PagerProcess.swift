import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a shell command with a byte string on its standard input and waits for it.
///
/// While the pager runs, the shell ignores SIGINT (Ctrl-C in `less` reaches the whole
/// foreground process group and must not end evalsh) and SIGPIPE (quitting the pager early
/// closes the pipe while the text is still being written); the child gets default handlers.
enum PagerProcess {
    struct Failure: Error, Equatable {
        let message: String
    }

    static func run(command: String, input: Data) -> Result<Int32, Failure> {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            return .failure(Failure(message: "cannot create a pipe: \(String(cString: strerror(errno)))"))
        }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])

        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousBrokenPipe = signal(SIGPIPE, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGPIPE, previousBrokenPipe)
        }

        let spawned = spawnShell(command: command, standardInput: readEnd, closeInChild: writeEnd)
        close(readEnd)
        guard case .success(let pid) = spawned else {
            close(writeEnd)
            if case .failure(let failure) = spawned { return .failure(failure) }
            return .failure(Failure(message: "cannot start the pager"))
        }
        writeAll(input, to: writeEnd)
        close(writeEnd)
        return .success(waitForExit(pid))
    }

    private static func spawnShell(
        command: String, standardInput: Int32, closeInChild: Int32
    ) -> Result<pid_t, Failure> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, standardInput, STDIN_FILENO)
        posix_spawn_file_actions_addclose(&actions, standardInput)
        posix_spawn_file_actions_addclose(&actions, closeInChild)

        return ShellChild.spawn(["/bin/sh", "-c", command], actions: &actions, defaultSignals: [SIGINT, SIGPIPE])
    }

    /// Writes until done or until the reader goes away (EPIPE), retrying interrupted writes.
    private static func writeAll(_ data: Data, to fileDescriptor: Int32) {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard var pointer = buffer.baseAddress else { return }
            var remaining = buffer.count
            while remaining > 0 {
                let written = write(fileDescriptor, pointer, remaining)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                pointer += written
                remaining -= written
            }
        }
    }

    private static func waitForExit(_ pid: pid_t) -> Int32 { ShellChild.wait(pid) ?? -1 }
}
