import EvalQuery
import EvalRender
import EvalStore
import Foundation

/// The shell's side of the statements about the session; the executor dispatches them here.
extension ShellSession: ShellService {
    public func quit() -> [QueryResult] {
        quitRequested = confirmQuit()
        return []
    }

    public func redirectOutput(to path: Name?) throws(ExecutionError) -> [QueryResult] {
        guard let path else {
            output.restore()
            return [.message(Message("results go to standard output"))]
        }
        do { try output.redirect(to: Executor.expandTilde(path.text)) } catch {
            var shown = error
            shown.path = path.text
            throw .output(shown, at: path.range)
        }
        return [.message(Message("results go to \(path.text); 'output' alone sends them back"))]
    }

    /// `source FILE`: runs a script, refusing one already being sourced (a cycle, which would
    /// never end) and a chain deeper than 32 files.
    public func source(_ path: Name) throws(ExecutionError) -> [QueryResult] {
        let file = Executor.expandTilde(path.text)
        let resolved = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
        if let start = sourcing.firstIndex(where: { $0.path == resolved }) {
            let cycle = sourcing[start...].map(\.shown) + [path.text]
            throw .invalidValue(
                "source cycle: \(cycle.joined(separator: " → ")); a script cannot source itself, directly or through others",
                at: path.range)
        }
        guard sourcing.count < 32 else { throw .invalidValue("source nested more than 32 files deep", at: path.range) }
        let text: String
        switch ScriptFile.read(file) {
        case .success(let read): text = read
        case .failure(let error): throw .input(.unreadable(file: path.text, reason: error.reason), at: path.range)
        }
        sourcing.append((resolved, path.text))
        defer { sourcing.removeLast() }
        let status = run(text, fileName: path.text, stopOnError: true)
        if status != .ok { throw .unavailable("\(path.text) stopped (exit status \(status.rawValue))", help: nil) }
        return []
    }

    public func history() -> HistoryResult {
        // The newest entries, as many as the table shows: the renderer cuts from the top.
        let entries = editor?.recentHistory(rowLimit ?? .max) ?? []
        return HistoryResult(
            entries: entries.map { HistoryResult.Entry(number: $0.number, statement: $0.entry) }, isKept: editor != nil)
    }

    public func withProgress<T>(_ label: String, _ body: () throws(ExecutionError) -> T) throws(ExecutionError) -> T {
        try StatementProgress.run(label, body)
    }

    public func write(_ artifact: FileArtifact, to path: Name) throws(ExecutionError) -> Message {
        let text: String
        switch artifact {
        case .svg(let view):
            let href = workspace.settings.imagesDirectory.map { "\($0)/\(view.filename)" }
            text = svg(view, imageHref: href)
        }
        do {
            try FileReplacement.write(Data(text.utf8), to: Executor.expandTilde(path.text))
        } catch {
            throw .output(OutputError(error, named: path.text), at: path.range)
        }
        return Message("wrote \(path.text)")
    }
}
