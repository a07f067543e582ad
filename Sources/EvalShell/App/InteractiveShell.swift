import EvalQuery
import Foundation

/// The REPL's host: the prompt (current evaluation and its edit count), completion, and
/// statements run without stopping the session on errors.
final class InteractiveShell: REPLHost {
    let session: ShellSession
    let completer: (any Completer)?

    init(session: ShellSession) {
        self.session = session
        completer = QueryCompleter(workspace: session.workspace)
    }

    func prompt() -> String {
        guard let current = session.workspace.current else { return "evalsh> " }
        let edits = current.pending.count
        return edits == 0 ? "evalsh \(current.name)> " : "evalsh \(current.name) [\(edits) edit\(edits == 1 ? "" : "s")]> "
    }

    func continuationPrompt() -> String {
        String(repeating: " ", count: max(0, prompt().count - 4)) + "...> "
    }

    func handle(statement: String) -> REPLAction {
        session.run(statement, fileName: nil, stopOnError: false)
        return session.quitRequested ? .exit : .keepGoing
    }

    func shouldExit() -> Bool {
        session.confirmQuit()
    }
}
