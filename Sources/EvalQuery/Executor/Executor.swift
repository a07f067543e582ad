import EvalCore
import EvalFormats
import Foundation

/// Runs statements against a workspace and returns result values, never text.
///
/// A statement either succeeds or throws before it changed anything: each one checks names,
/// values and files first, then mutates the workspace.
public final class Executor {
    public let workspace: Workspace
    /// Where pushes and pulls go; nil in contexts without a store (they then fail with a message).
    public var store: StoreService?
    /// The program running the executor (the shell); nil in contexts without one, where the
    /// statements about the session fail with a message. Weak: the host owns the executor.
    public weak var shell: ShellService?

    public init(workspace: Workspace = Workspace(), store: StoreService? = nil) {
        self.workspace = workspace
        self.store = store
    }

    /// Runs one parsed statement.
    public func execute(_ node: StatementNode) throws(ExecutionError) -> [QueryResult] {
        switch node.statement {
        case .load(let files, let name): return try load(files, as: name, statement: node)
        case .evals: return [.evaluations(evaluationList())]
        case .use(let name):
            let session = try evaluation(name)
            workspace.use(session)
            return [.message(Message("using \(session.name)"))]
        case .drop(let name): return try drop(name)
        case .summary: return [.summary(try summary())]
        case .classes(let sort): return [.classes(try classes(sort: sort))]
        case .metrics: return [.metrics(try metricList())]
        case .matrix(let normalize, let top):
            let result = QueryResult.matrix(try matrix(normalize, top: top))
            return [result] + (workspace.current.flatMap(Self.staleMatrixNote).map { [.warning($0, at: node.range)] } ?? [])
        case .images(let query): return [.images(try images(query, title: nil))]
        case .filter(let query): return [.images(try images(query, title: query.predicate.map { "where \($0)" }))]
        case .cell(let gt, let pred, let query): return [.images(try cell(gt, pred, query))]
        case .payload(let heatmap): return [.json(try payload(heatmap: heatmap))]
        case .check: return try check()
        case .show(let filename, let svg): return try show(filename, svg: svg)
        case .split: return [.bars(try split())]
        case .pr(let className): return [.curve(try precisionRecall(className))]
        case .boxes(let query): return [.boxes(try boxes(query))]
        case .errors(let className): return [.errors(try errors(className))]
        case .sweep(let className): return [.sweep(try sweep(className))]
        case .agnosticMatrix: return [.table(try agnosticMatrix())]
        case .metric(let assignment): return try metric(assignment)
        case .unsetMetric(let name): return try unsetMetric(name, statement: node.text)
        case .assert(let condition): return try assertion(condition, statement: node)
        case .exclude(let selection): return try exclude(selection, statement: node)
        case .include(let selection): return try include(selection, statement: node)
        case .rename(let className, let newName): return try rename(className, to: newName, statement: node.text)
        case .pending: return [.pending(try pendingEdits())]
        case .undo: return try undo(node)
        case .reset: return try reset()
        case .push(let target, let message): return try push(target: target?.text, message: message)
        case .pull(let target, let name): return try pull(target.text, as: name)
        case .log(let name): return [.versions(try requireStore().log(name: name.text))]
        case .experiments: return [.experiments(try requireStore().experiments())]
        case .export(let format, let folder): return try export(format, to: folder)
        case .forget(let target, let force): return try forget(target, force: force)
        case .compare(let a, let b, let view): return try compare(a, b, view)
        case .set(let setting): return [.message(Message(try apply(setting)))]
        case .timing(let on):
            workspace.settings.timing = on
            return [.message(Message("timing \(on ? "on" : "off")"))]
        case .help(let topic): return [.help(HelpResult(topic: topic))]
        case .source(let path): return try requireShell(node.text).source(path)
        case .output(let path): return try requireShell(node.text).redirectOutput(to: path)
        case .history: return [.history(try requireShell(node.text).history())]
        case .edit: return try requireShell(node.text).edit()
        case .version: return [.message(Message("evalsh \(EvalshVersion.current)"))]
        case .quit: return try requireShell(node.text).quit()
        case .recover: return try requireShell(node.text).recover()
        case .discard: return try requireShell(node.text).discard()
        }
    }

    // MARK: Shared lookups

    /// The current evaluation, or an error saying how to load one.
    func current() throws(ExecutionError) -> EvaluationSession {
        guard let session = workspace.current else {
            throw .unavailable(
                "no evaluation is loaded", help: "load one: load GT.json PREDICTIONS.json, or load evaluation.json")
        }
        return session
    }

    func evaluation(_ name: Name) throws(ExecutionError) -> EvaluationSession {
        if let session = workspace.evaluation(named: name.text) { return session }
        throw .unknownEvaluation(
            name.text, suggestion: Suggestion.closest(to: name.text, among: workspace.evaluations.map(\.name)),
            at: name.range)
    }

    /// The image called `name` in `view`: exact, else ignoring case, else (a whole number) the
    /// image with that id in `ids` or whose file stem is that number, else an error with the closest.
    func imageIndex(_ name: Name, in view: EvaluationView, ids: [Int]? = nil) throws(ExecutionError) -> Int {
        if let i = view.indexByFilename[name.text] { return i }
        let lowered = name.text.lowercased()
        if let i = view.filenames.firstIndex(where: { $0.lowercased() == lowered }) { return i }
        if let id = Int(name.text), id >= 0 { return try ImageIdLookup(filenames: view.filenames, ids: ids).index(of: id, at: name.range) }
        let suggestion = Suggestion.closest(to: name.text, among: view.filenames)
        throw .unknownImage(name.text, suggestion: suggestion, at: name.range)
    }

    /// The ground-truth image ids where boxes are loaded (COCO's `167379`), for `imageIndex`.
    func imageIDs(_ session: EvaluationSession) -> [Int]? {
        guard case .boxes(let evaluator) = session.data else { return nil }
        return evaluator.groundTruth.images.map(\.id)
    }

    func requireShell(_ statement: String) throws(ExecutionError) -> ShellService {
        guard let shell else { throw .unavailable("'\(statement)' works in the evalsh shell only", help: nil) }
        return shell
    }

    /// Runs `body` under the host's progress line, or plainly without a host.
    func withProgress<T>(_ label: String, _ body: () throws(ExecutionError) -> T) throws(ExecutionError) -> T {
        guard let shell else { return try body() }
        return try shell.withProgress(label, body)
    }

    func requireStore() throws(ExecutionError) -> StoreService {
        guard let store else { throw .unavailable("no store is configured here", help: nil) }
        return store
    }

    private func apply(_ setting: SessionSetting) throws(ExecutionError) -> String {
        switch setting {
        case .format(let f): workspace.settings.format = f; return "format \(f.rawValue)"
        case .color(let c): workspace.settings.color = c; return "color \(c.rawValue)"
        case .rows(let n): workspace.settings.rows = n; return n == 0 ? "rows all" : "rows \(n)"
        case .pager(let on): workspace.settings.pager = on; return "pager \(on ? "on" : "off")"
        case .ascii(let on): workspace.settings.ascii = on; return "ascii \(on ? "on" : "off")"
        case .expanded(let mode):
            workspace.settings.expanded = mode
            return "expanded \(mode.rawValue)"
        case .errors(let stop):
            workspace.settings.stopsOnError = stop
            return "errors \(stop ? "stop" : "continue")"
        case .mixedThresholds(let allow):
            workspace.settings.allowsMixedThresholds = allow
            return "mixed-thresholds \(allow ? "allow" : "refuse")"
        case .images(let dir):
            let path = Self.expandTilde(dir.text)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .invalidValue("there is no folder \(path)", at: dir.range)
            }
            guard isDirectory.boolValue else { throw .invalidValue("\(path) is a file, not a folder", at: dir.range) }
            workspace.settings.imagesDirectory = path
            return "images \(path)"
        }
    }

}
