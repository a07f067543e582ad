import EvalCore
import EvalFormats
import Foundation

extension Executor {
    /// `push [TARGET] [message "TEXT"]`: the evaluation to TARGET, by default where it came from
    /// (a payload file, a pulled target), else the local store under its name. The local store
    /// keeps boxes and state; a file or Picsellia gets the two logs. On success the edits are no
    /// longer pending; on failure nothing changes.
    func push(target: String?, message: String?) throws(ExecutionError) -> [QueryResult] {
        let session = try current()
        let destination = target ?? defaultTarget(session)
        // Pushed back where it came from, a payload's matrix goes back to the file it was read from.
        var matrixPath: String?
        if target == nil, case .payloadFile(_, let matrix?) = session.origin { matrixPath = matrix }
        let content: StorePushRequest.Content
        switch session.data {
        case .boxes(let evaluator): content = .boxes(evaluator.groundTruth, evaluator.detections)
        case .payload(_, nil):
            throw .unavailable(
                "\(session.name) has no confusion-matrix log to push with its evaluation",
                help: "load the payload with its matrix: load evaluation.json confusion-matrix.json")
        case .payload: content = .payload
        }
        let request = StorePushRequest(
            target: destination, content: content, point: session.state.point, metrics: session.state.metrics,
            excluded: session.state.excluded.sorted(), labels: session.state.labels, figures: figures(session),
            logs: { [self] in
                let documents = payloadDocuments(session)
                return (documents.evaluation.jsonValue, documents.matrix!.jsonValue)
            },
            confusionMatrixPath: matrixPath, message: message,
            edits: session.pending.map { "\($0.statement): \($0.effect)" })
        let whereTo = try requireStore().push(request)
        let count = session.pending.count
        session.markSaved()
        return [.message(Message("pushed \(session.name) to \(whereTo)" + (count > 0 ? " with \(count) edit(s)" : "")))]
    }

    /// What `log` lists for a version pushed now.
    func figures(_ session: EvaluationSession) -> VersionFigures {
        let view = session.view()
        let totals = view.totals()
        var ap: Double?
        var ap50: Double?
        if let coco = try? session.cocoMetrics()?.get() {
            (ap, ap50) = (coco.stats[0], coco.stats[1])
        } else {
            (ap, ap50) = (session.recordedStatistics["AP"], session.recordedStatistics["AP50"])
        }
        return VersionFigures(
            imageCount: view.included.count, ap: ap, ap50: ap50, precision: totals.precision, recall: totals.recall,
            f1: totals.f1)
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

    /// `pull TARGET [as NAME]`: a boxes version of the local store comes back as the evaluation
    /// that was pushed (state included, nothing pending); the logs of a payload-only version, a
    /// file or Picsellia come back as a payload.
    func pull(_ target: String, as name: Name?) throws(ExecutionError) -> [QueryResult] {
        if let name, workspace.evaluation(named: name.text) != nil {
            throw .invalidValue("an evaluation named \"\(name.text)\" is loaded already", at: name.range)
        }
        let store = try requireStore()
        let pulled = try withProgress("pulling \(target)…") { () throws(ExecutionError) in try store.pull(target: target) }
        let base = name?.text ?? workspace.freeName(Self.pulledName(target))
        switch pulled {
        case .boxes(let groundTruth, let detections, let point, let metrics, let excluded, let labels):
            let session = EvaluationSession(
                name: base, origin: .target(target), data: .boxes(Evaluator(groundTruth: groundTruth, detections: detections)))
            Self.restore(session, point: point, metrics: metrics, excluded: excluded, labels: labels)
            workspace.add(session)
            var text = "pulled \(target) as \(session.name): \(groundTruth.images.count) images, "
                + "\(groundTruth.categories.count) classes, \(groundTruth.annotations.count) ground-truth boxes, "
                + "\(detections.count) predictions"
            if !excluded.isEmpty { text += ", \(excluded.count) image(s) excluded" }
            return [.message(Message(text + "; iou=\(point.iou) confidence=\(point.confidence)"))]
        case .payload(let evaluation, let confusionMatrix):
            let payload: PicselliaEvaluation
            var matrix: ConfusionMatrixLog?
            do {
                payload = try PicselliaEvaluation(json: evaluation, file: target)
                matrix = try confusionMatrix.map { (json: JSONValue) throws(FormatError) in
                    try ConfusionMatrixLog(json: json, file: target)
                }
            } catch {
                throw .input(error, at: nil)
            }
            let session = EvaluationSession(name: base, origin: .target(target), data: .payload(payload, matrix))
            workspace.add(session)
            return [.message(Message(
                "pulled \(target) as \(session.name): \(payload.perImage.count) images, \(payload.classCount) classes; "
                    + "a Picsellia payload without boxes (its counts as pushed, no COCO recomputation, no show)"))]
        }
    }

    /// Brings a freshly built session to the state it was pushed in, as its base (nothing pending).
    static func restore(
        _ session: EvaluationSession, point: OperatingPoint, metrics: [(key: String, value: JSONValue)],
        excluded: [Int], labels: [String]
    ) {
        var edits: [Edit] = [.operatingPoint(point)]
        let kept = Set(metrics.map(\.key))
        edits += session.state.metrics.filter { !kept.contains($0.key) }.map { .unsetMetric(name: $0.key) }
        edits += metrics.map { .setMetric(name: $0.key, value: $0.value) }
        if !excluded.isEmpty { edits.append(.exclude(images: excluded)) }
        for (index, name) in labels.enumerated() where index < session.state.labels.count && session.state.labels[index] != name {
            edits.append(.rename(classIndex: index, name: name))
        }
        session.apply(.combined(edits), statement: "pull", effect: { _ in "" })
        session.markSaved()
    }

    /// `forget store:NAME[@V] [force]`: removes stored versions.
    func forget(_ target: Name, force: Bool) throws(ExecutionError) -> [QueryResult] {
        [.message(Message(try requireStore().forget(target: target.text, force: force)))]
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
