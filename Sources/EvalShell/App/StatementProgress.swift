import EvalFormats
import EvalQuery

/// The progress line of the statements that take long: `load` (the file being read, its size,
/// how much is parsed, then the matching) and `pull`.
enum StatementProgress {
    /// Runs `body`, the execution of `node`, under a progress line when `node` is a load or a
    /// pull. The line is erased before this returns or throws, so that whatever is printed
    /// next (results, the journal's note, an error) starts on a clean row.
    static func run<T>(
        _ node: StatementNode, line: @autoclosure () -> ProgressLine = ProgressLine(),
        _ body: () throws(ExecutionError) -> T
    ) throws(ExecutionError) -> T {
        let progress: ProgressLine
        switch node.statement {
        case .load(let files, _):
            progress = line()
            progress.update("loading \(files.map { LoadProgressText.fileName($0.text) }.joined(separator: " and "))…")
        case .pull(let target, _):
            progress = line()
            progress.update("pulling \(target.text)…")
        default:
            return try body()
        }
        defer { progress.finish() }
        let text = LoadProgressText()
        let observer: LoadProgress.Observer = { event in
            guard let next = text.line(after: event) else { return }
            progress.update(next.text, immediately: next.startsPhase)
        }
        return try LoadProgress.observing(observer, body)
    }
}
