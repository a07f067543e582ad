import EvalFormats
import EvalQuery

/// The progress line of the statements that take long (the executor names them: `load`,
/// `pull`): the label, then what the readers report (the file being read, its size, how much
/// is parsed, then the matching).
enum StatementProgress {
    /// Runs `body` under a progress line that starts with `label`. The line is erased before
    /// this returns or throws, so that whatever is printed next (results, the journal's note,
    /// an error) starts on a clean row.
    static func run<T>(
        _ label: String, line: @autoclosure () -> ProgressLine = ProgressLine(),
        _ body: () throws(ExecutionError) -> T
    ) throws(ExecutionError) -> T {
        let progress = line()
        progress.update(label)
        defer { progress.finish() }
        let text = LoadProgressText()
        let observer: LoadProgress.Observer = { event in
            guard let next = text.line(after: event) else { return }
            progress.update(next.text, immediately: next.startsPhase)
        }
        return try LoadProgress.observing(observer, body)
    }
}
