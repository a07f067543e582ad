import CEditLine
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Interactive line input over libedit's readline emulation: emacs key bindings, Up/Down
/// history, Ctrl-R incremental search, Tab completion through a `Completer`, and history
/// persisted in a `HistoryFile`.
///
/// libedit keeps its state in process globals, so there is one editor per process and it
/// must be used from one thread at a time.
public final class LineEditor {
    /// Remembered statements, oldest first, as recorded this session and loaded at start.
    public private(set) var history: [String] = []
    /// The first problem met with the history file, if any; the editor then keeps history
    /// in memory only.
    public private(set) var historyError: HistoryFileError?

    public let historyFile: HistoryFile?
    public let historyPolicy: HistoryPolicy
    /// How many entries are kept in memory and loaded from the file.
    public let historyLimit: Int

    /// Answers Tab presses; nil disables completion.
    public var completer: (any Completer)? {
        didSet { CompletionBridge.shared.install(completer) }
    }

    /// - Parameters:
    ///   - historyFile: where history persists; nil keeps it for this session only.
    ///   - policy: which statements are recorded, and how secrets are kept out.
    ///   - historyLimit: entries kept in memory and loaded at start.
    public init(historyFile: HistoryFile?, policy: HistoryPolicy = HistoryPolicy(), historyLimit: Int = 1000) {
        self.historyFile = historyFile
        self.historyPolicy = policy
        self.historyLimit = max(1, historyLimit)
        LibeditSession.start()
        clear_history()
        stifle_history(Int32(self.historyLimit))
        loadHistory()
    }

    deinit {
        if let completer { CompletionBridge.shared.uninstall(completer) }
    }

    /// Reads one line with `prompt`. Ctrl-C abandons the line and returns `.interrupted`
    /// after moving to a fresh row; Ctrl-D on an empty line returns `.eof`.
    ///
    /// Escape sequences in `prompt` (colours) must be wrapped in `\u{01}` … `\u{02}` so
    /// libedit does not count them as visible.
    public func readLine(prompt: String) -> ReadResult {
        fflush(nil)
        let raw = InterruptFlag.whileCatchingInterrupts { readline(prompt) }
        defer { free(raw) }
        if InterruptFlag.isRaised {
            InterruptFlag.reset()
            FileHandle.standardOutput.write(Data("\n".utf8))
            return .interrupted
        }
        guard let raw else { return .eof }
        return .line(String(cString: raw))
    }

    /// Records `statement` according to the policy, in memory (for Up/Down and Ctrl-R) and
    /// in the history file. Returns whether it was recorded.
    @discardableResult
    public func record(_ statement: String) -> Bool {
        guard let entry = historyPolicy.entry(for: statement, previous: history.last) else { return false }
        history.append(entry)
        if history.count > historyLimit { history.removeFirst(history.count - historyLimit) }
        add_history(entry)
        if let historyFile, historyError == nil {
            do {
                try historyFile.append(entry)
            } catch {
                historyError = error
            }
        }
        return true
    }

    /// The last `count` entries with their 1-based numbers, for the `history` statement.
    public func recentHistory(_ count: Int) -> [(number: Int, entry: String)] {
        let first = max(0, history.count - max(0, count))
        return history[first...].enumerated().map { (number: first + $0.offset + 1, entry: $0.element) }
    }

    private func loadHistory() {
        guard let historyFile else { return }
        do {
            for entry in try historyFile.load(limit: historyLimit) {
                history.append(entry)
                add_history(entry)
            }
        } catch {
            historyError = error
        }
    }
}
