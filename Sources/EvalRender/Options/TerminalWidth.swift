#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The width views are laid out for.
public enum TerminalWidth {
    /// Used when neither `COLUMNS` nor the terminal tells.
    public static let fallback = 100

    /// `COLUMNS` when it holds a positive number, else the size of the terminal on
    /// `fileDescriptor` (`terminalColumns`, normally `TerminalWidth.query`), else 100.
    public static func resolve(environment: [String: String], terminalColumns: () -> Int?) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text.trimmingSpaces), columns > 0 {
            return columns
        }
        if let columns = terminalColumns(), columns > 0 { return columns }
        return fallback
    }

    /// The column count of the terminal on `fileDescriptor` (ioctl `TIOCGWINSZ`), nil when it is no terminal.
    public static func query(fileDescriptor: Int32 = 1) -> Int? {
        var size = winsize()
        #if canImport(Glibc)
        let status = ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size)
        #else
        let status = ioctl(fileDescriptor, TIOCGWINSZ, &size)
        #endif
        guard status == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}

extension String {
    var trimmingSpaces: Substring {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }
}
