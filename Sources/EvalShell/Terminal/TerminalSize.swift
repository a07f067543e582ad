import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The size of the terminal in character cells.
public struct TerminalSize: Sendable, Equatable, CustomStringConvertible {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The classic VT100 size, used when nothing better is known.
    public static let fallback = TerminalSize(columns: 80, rows: 24)

    public var description: String { "\(columns)x\(rows)" }

    /// The current size: `COLUMNS` / `LINES` from `environment` win (so scripts and tests can
    /// pin a width), then the kernel's idea of the window behind `fileDescriptor`
    /// (TIOCGWINSZ), then `fallback`. Each dimension is resolved on its own, so `COLUMNS=100`
    /// alone still takes the row count from the terminal.
    public static func current(
        environment: [String: String],
        fileDescriptor: Int32 = STDOUT_FILENO
    ) -> TerminalSize {
        let window = windowSize(of: fileDescriptor)
        let columns = positiveInteger(environment["COLUMNS"]) ?? window?.columns ?? fallback.columns
        let rows = positiveInteger(environment["LINES"]) ?? window?.rows ?? fallback.rows
        return TerminalSize(columns: columns, rows: rows)
    }

    /// The window size the kernel reports for `fileDescriptor`, or nil when it is not a
    /// terminal or reports a zero size (as some CI pseudo-terminals do).
    public static func windowSize(of fileDescriptor: Int32) -> TerminalSize? {
        var size = winsize()
        guard ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0, size.ws_row > 0 else {
            return nil
        }
        return TerminalSize(columns: Int(size.ws_col), rows: Int(size.ws_row))
    }

    private static func positiveInteger(_ text: String?) -> Int? {
        guard let text, let value = Int(text.trimmingCharacters(in: .whitespaces)), value > 0 else {
            return nil
        }
        return value
    }
}
