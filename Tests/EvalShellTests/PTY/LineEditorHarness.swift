import EvalShell
import Foundation

/// The program `LineEditorPTYTests` drive: this test binary re-launched under a pty, asked to
/// run `LineEditorPTYTests` with the harness variable set. Their class set-up then serves
/// `runREPL` with `ScriptedHost` on the terminal and ends the process, before any test runs.
enum LineEditorHarness {
    static let environmentVariable = "EVALSH_LINE_EDITOR_HARNESS"
    /// What the child is asked to run: the tests' class, whose set-up serves.
    static let testName = "EvalShellTests.LineEditorPTYTests"

    /// Serves and exits when this process is the harness; returns at once otherwise.
    static func serveIfChild() {
        let environment = ProcessInfo.processInfo.environment
        guard environment[environmentVariable] == "1" else { return }
        do {
            let editor = LineEditor(historyFile: try HistoryFile.defaultLocation(environment: environment))
            let host = ScriptedHost(editor: editor)
            print("harness ready")
            runREPL(host: host, editor: editor)
            print("session ended")
            exit(0)
        } catch {
            print("harness failed: \(error)")
            exit(1)
        }
    }
}

/// A small REPL host: echoes statements, completes a fixed vocabulary, lists history, and
/// has a `spin` statement that runs until Ctrl-C raises the interrupt flag.
final class ScriptedHost: REPLHost, Completer {
    static let vocabulary = ["summary", "matrix", "cell", "traffic light", "truck", "train", "history", "spin"]

    private let editor: LineEditor
    private var exitRequests = 0

    init(editor: LineEditor) {
        self.editor = editor
    }

    func prompt() -> String { "test> " }
    var completer: (any Completer)? { self }

    func completions(line: String, cursor: Int) -> (replaceFrom: Int, candidates: [String]) {
        let beforeCursor = line.prefix(cursor)
        let wordStart = beforeCursor.lastIndex(of: " ").map { beforeCursor.index(after: $0) } ?? beforeCursor.startIndex
        let word = beforeCursor[wordStart...]
        let replaceFrom = beforeCursor.distance(from: beforeCursor.startIndex, to: wordStart)
        if beforeCursor.hasPrefix("load ") {
            return (replaceFrom, PathCompleter().candidates(for: String(word)))
        }
        return (replaceFrom, Self.vocabulary.filter { $0.hasPrefix(word) })
    }

    func handle(statement: String) -> REPLAction {
        switch statement {
        case "history":
            for (number, entry) in editor.recentHistory(3) { print("  \(number)  \(entry)") }
        case "spin":
            print("spinning")
            while !InterruptFlag.isRaised { usleep(10_000) }
            print("spin cancelled")
        case "quit":
            return .exit
        default:
            print("ran: \(statement)")
        }
        return .keepGoing
    }

    /// Refuses the first Ctrl-D, as a host with unpushed edits would.
    func shouldExit() -> Bool {
        exitRequests += 1
        if exitRequests == 1 {
            print("unsaved edits: press Ctrl-D again to leave")
            return false
        }
        return true
    }
}
