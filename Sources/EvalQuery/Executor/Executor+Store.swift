import EvalCore
import EvalFormats
import Foundation

extension Executor {
    /// `push [TARGET] [message "TEXT"]`: both logs to TARGET, by default where the evaluation came
    /// from (a payload file, a pulled target), else the local store under its name. On success the
    /// edits are no longer pending; on failure nothing changes.
    func push(target: String?, message: String?) throws(ExecutionError) -> [QueryResult] {
        let session = try current()
        let destination = target ?? defaultTarget(session)
        // Pushed back where it came from, a payload's matrix goes back to the file it was read from.
        var matrixPath: String?
        if target == nil, case .payloadFile(_, let matrix?) = session.origin { matrixPath = matrix }
        let documents = payloadDocuments(session)
        guard let matrix = documents.matrix else {
            throw .unavailable(
                "\(session.name) has no confusion-matrix log to push with its evaluation",
                help: "load the payload with its matrix: load evaluation.json confusion-matrix.json")
        }
        let edits = session.pending.map { "\($0.statement): \($0.effect)" }
        let whereTo = try requireStore().push(
            evaluation: documents.evaluation.jsonValue, confusionMatrix: matrix.jsonValue, target: destination,
            confusionMatrixPath: matrixPath, message: message, edits: edits)
        let count = session.pending.count
        session.markSaved()
        return [.message(Message("pushed \(session.name) to \(whereTo)" + (count > 0 ? " with \(count) edit(s)" : "")))]
    }

    func defaultTarget(_ session: EvaluationSession) -> String {
        switch session.origin {
        case .payloadFile(let path, _): return path
        case .target(let target) where target.hasPrefix("store:"):
            // A pulled version is pushed as the experiment's next version.
            return target.split(separator: "@").first.map(String.init) ?? target
        case .target(let target): return target
        case .files(let paths): return "store:\(Self.experimentName(paths, fallback: session.name))"
        }
    }

    /// The local store's experiment for evaluations read from files: the predictions file's
    /// folder and stem (`runs/yolov8n-val/predictions.json` → `yolov8n-val/predictions`), so
    /// that two runs' `predictions.json` do not push to one experiment.
    static func experimentName(_ paths: [String], fallback: String) -> String {
        guard let file = paths.last else { return fallback }
        let folder = URL(fileURLWithPath: file).standardizedFileURL.deletingLastPathComponent().lastPathComponent
        let stem = fileStem(file)
        return folder.isEmpty || folder == "/" ? stem : "\(folder)/\(stem)"
    }

    /// `pull TARGET [as NAME]`: loads both logs back as a new evaluation.
    func pull(_ target: String, as name: Name?) throws(ExecutionError) -> [QueryResult] {
        if let name, workspace.evaluation(named: name.text) != nil {
            throw .invalidValue("an evaluation named \"\(name.text)\" is loaded already", at: name.range)
        }
        let store = try requireStore()
        let documents = try withProgress("pulling \(target)…") { () throws(ExecutionError) in try store.pull(target: target) }
        let payload: PicselliaEvaluation
        var matrix: ConfusionMatrixLog?
        do {
            payload = try PicselliaEvaluation(json: documents.evaluation, file: target)
            matrix = try documents.confusionMatrix.map { (json: JSONValue) throws(FormatError) in
                try ConfusionMatrixLog(json: json, file: target)
            }
        } catch {
            throw .input(error, at: nil)
        }
        let base = name?.text ?? workspace.freeName(Self.pulledName(target))
        let session = EvaluationSession(name: base, origin: .target(target), data: .payload(payload, matrix))
        workspace.add(session)
        return [.message(Message("pulled \(target) as \(session.name): \(payload.perImage.count) images, \(payload.classCount) classes"))]
    }

    /// `store:exp@3` → `exp`, `picsellia:proj/exp` → `exp`, `out/eval.json` → `eval`.
    static func pulledName(_ target: String) -> String {
        var name = target
        if let colon = name.firstIndex(of: ":"), !name.hasPrefix("/"), !name.hasPrefix(".") {
            name = String(name[name.index(after: colon)...])
        }
        if let at = name.firstIndex(of: "@") { name = String(name[..<at]) }
        name = fileStem(name)
        let cleaned = String(name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" ? $0 : "_" })
        return cleaned.isEmpty || cleaned.first!.isNumber ? "pulled" : cleaned
    }
}
