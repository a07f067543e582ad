/// What the executor asks of the program that hosts it: the statements about the session
/// rather than the workspace (`output`, `source`, `history`, `recover`, `discard`, `quit`),
/// the progress line of a long statement, and files written beside a result (an SVG).
///
/// EvalQuery declares it and the shell provides it, as with `StoreService`, so that every
/// statement is dispatched in one place (`Executor.execute`) and the query layer stays free of
/// terminals and line editors. Without a host those statements fail with a message.
public protocol ShellService: AnyObject {
    /// `quit`/`exit`: asks the host to stop after this statement (it may ask the user first).
    func quit() -> [QueryResult]
    /// `output FILE` (`path` nil: back to standard output).
    func redirectOutput(to path: Name?) throws(ExecutionError) -> [QueryResult]
    /// `source FILE`: runs the statements of a file, stopping at the first failure.
    func source(_ path: Name) throws(ExecutionError) -> [QueryResult]
    /// `history`: the newest entries of the line editor's history.
    func history() -> HistoryResult
    /// `edit`: opens the last statement in the user's editor and runs what is saved.
    func edit() throws(ExecutionError) -> [QueryResult]
    /// `recover`: replays the edits an earlier session journaled for the current evaluation.
    func recover() throws(ExecutionError) -> [QueryResult]
    /// `discard`: drops the edits an earlier session journaled for the current evaluation.
    func discard() throws(ExecutionError) -> [QueryResult]
    /// Runs `body` under a progress line that says `label` (and what the readers report).
    func withProgress<T>(_ label: String, _ body: () throws(ExecutionError) -> T) throws(ExecutionError) -> T
    /// Writes `artifact` to `path`; returns the message saying where it went.
    func write(_ artifact: FileArtifact, to path: Name) throws(ExecutionError) -> Message
}

/// A file a statement writes besides its result, rendered by the host (EvalRender draws SVG).
public enum FileArtifact: Sendable {
    /// `show FILENAME svg OUT.svg`: the image with its boxes.
    case svg(ImageViewResult)
}
