#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which of the standard streams are attached to a terminal.
///
/// The shell decides from these whether to edit lines with libedit, page long output,
/// colour tables and draw progress lines; everything falls back to plain text otherwise.
public enum TerminalDevice {
    /// Whether `fileDescriptor` refers to a terminal.
    public static func isTerminal(_ fileDescriptor: Int32) -> Bool {
        isatty(fileDescriptor) == 1
    }

    public static var standardInputIsTerminal: Bool { isTerminal(STDIN_FILENO) }
    public static var standardOutputIsTerminal: Bool { isTerminal(STDOUT_FILENO) }
    public static var standardErrorIsTerminal: Bool { isTerminal(STDERR_FILENO) }

    /// True when the shell is used interactively: both input and output are terminals.
    public static var isInteractive: Bool { standardInputIsTerminal && standardOutputIsTerminal }
}
