import EvalRender
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shows long output through an external pager (`$PAGER`, default `less -FRX`).
///
/// The pager is used only when standard output is a terminal and the text is taller than the
/// window; otherwise, and whenever the pager cannot be started, the text is written directly.
/// The pager command runs under `/bin/sh -c` so `$PAGER` may carry arguments, and the text
/// reaches it through a pipe.
public struct Pager: Sendable {
    /// How `show` delivered the text.
    public enum Outcome: Equatable, Sendable {
        /// The pager ran and exited with this status.
        case paged(exitStatus: Int32)
        /// The text was written directly because it fits or output is not a terminal.
        case printed
        /// The text was written directly because the pager could not run (reason included).
        case printedAfterPagerFailure(String)
    }

    public static let defaultCommand = "less -FRX"

    /// The shell command the text is piped into.
    public var command: String

    public init(command: String) {
        self.command = command
    }

    /// The pager named by `PAGER`, or `less -FRX` when it is unset or blank.
    public init(environment: [String: String]) {
        let configured = environment["PAGER"]?.trimmingCharacters(in: .whitespaces) ?? ""
        self.init(command: configured.isEmpty ? Self.defaultCommand : configured)
    }

    /// Whether `text` needs a pager: the output is a terminal and the text, once long lines
    /// wrap at the terminal width, has more rows than the window.
    public static func shouldPage(_ text: String, size: TerminalSize, outputIsTerminal: Bool) -> Bool {
        outputIsTerminal && rowCount(of: text, columns: size.columns) > size.rows
    }

    /// Shows `text` through the pager when `shouldPage` says so, else with `write`.
    ///
    /// - Parameter write: where text goes when it is not paged (standard output by default).
    @discardableResult
    public func show(
        _ text: String,
        size: TerminalSize,
        outputIsTerminal: Bool,
        write: (String) -> Void = Pager.writeToStandardOutput
    ) -> Outcome {
        guard Self.shouldPage(text, size: size, outputIsTerminal: outputIsTerminal) else {
            write(text)
            return .printed
        }
        return page(text, write: write)
    }

    /// Pipes `text` into the pager unconditionally, falling back to `write` when the pager
    /// cannot be started or the shell reports the command missing (exit status 126 or 127).
    @discardableResult
    public func page(_ text: String, write: (String) -> Void = Pager.writeToStandardOutput) -> Outcome {
        fflush(nil)
        switch PagerProcess.run(command: command, input: Data(text.utf8)) {
        case .success(let status) where status == 126 || status == 127:
            write(text)
            return .printedAfterPagerFailure("pager command '\(command)' not found or not executable")
        case .success(let status):
            return .paged(exitStatus: status)
        case .failure(let reason):
            write(text)
            return .printedAfterPagerFailure(reason.message)
        }
    }

    public static func writeToStandardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// The terminal rows `text` needs at `columns` columns (colour codes take no room, long lines
    /// wrap); a trailing newline does not start another row.
    static func rowCount(of text: String, columns: Int) -> Int {
        guard !text.isEmpty else { return 0 }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        let width = max(1, columns)
        return lines.reduce(0) { rows, line in rows + max(1, (DisplayWidth.of(String(line)) + width - 1) / width) }
    }
}
