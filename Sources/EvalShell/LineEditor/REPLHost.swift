/// What the interactive loop needs from the shell: prompts, completion, statement
/// execution and the exit decision. `runREPL` drives a `LineEditor` with it.
public protocol REPLHost: AnyObject {
    /// The prompt for a new statement.
    func prompt() -> String
    /// The prompt for a line continuing a statement ended with `\`.
    func continuationPrompt() -> String
    /// Answers Tab presses; nil for no completion.
    var completer: (any Completer)? { get }
    /// Runs one complete statement. Ctrl-C while it runs raises `InterruptFlag`, which
    /// long work should poll. Returns whether the session goes on.
    func handle(statement: String) -> REPLAction
    /// Asked on Ctrl-D: return false to stay (e.g. after warning about unpushed edits).
    func shouldExit() -> Bool
}

/// Whether the interactive loop continues after a statement.
public enum REPLAction: Equatable, Sendable {
    case keepGoing
    case exit
}

extension REPLHost {
    public func continuationPrompt() -> String { "...> " }
    public var completer: (any Completer)? { nil }
    public func shouldExit() -> Bool { true }
}
