import EvalShell
import Foundation
import XCTest

/// The program `LineEditorPTYTests` drive: this test binary re-launched under a pty, running
/// `runREPL` with `ScriptedHost`. It only does so when the harness variable is set; run
/// directly it skips.
final class LineEditorHarness: XCTestCase {
    static let environmentVariable = "EVALSH_LINE_EDITOR_HARNESS"
    static let testName = "EvalShellTests.LineEditorHarness/testServeLineEditorOnTerminal"

    func testServeLineEditorOnTerminal() throws {
        let environment = ProcessInfo.processInfo.environment
        guard environment[Self.environmentVariable] == "1" else {
            throw XCTSkip("harness for LineEditorPTYTests; runs only as their child process")
        }
        let editor = LineEditor(historyFile: try HistoryFile.defaultLocation(environment: environment))
        let host = ScriptedHost(editor: editor)
        print("harness ready")
        runREPL(host: host, editor: editor)
        print("session ended")
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
