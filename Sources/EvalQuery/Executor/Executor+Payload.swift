import EvalCore
import EvalFormats

/// The Picsellia documents of an evaluation (`payload`, `check`, `push`): built from its
/// boxes or its payload with the pending edits applied.
extension Executor {
    /// The current evaluation's Picsellia payload as it would be pushed.
    func payloadDocuments(_ session: EvaluationSession) -> (evaluation: PicselliaEvaluation, matrix: ConfusionMatrixLog?) {
        let state = session.state
        switch session.data {
        case .boxes(let evaluator):
            let view = session.view()
            // The 12 COCO statistics go with the metrics (the spec's "mAP…"), so that a pushed
            // version can be compared and gated on later without its boxes; a metric the user
            // set under the same name wins.
            var metrics = state.metrics
            if let coco = try? session.cocoMetrics()?.get() {
                for (name, value) in zip(COCOMetrics.statNames, coco.stats) where !metrics.contains(where: { $0.key == name }) {
                    metrics.append((name, .number(value)))
                }
            }
            var payload = evaluator.payload(view.result!, metrics: metrics, imageMask: state.imageMask(count: session.imageCount))
            payload.labels = state.labels
            return (payload, ConfusionMatrixLog(categories: state.labels, values: view.confusion!.map { $0.map(Double.init) }))
        case .payload(var payload, let matrix):
            let excludedNames = Set(state.excluded.map { payload.perImage[$0].filename })
            if !excludedNames.isEmpty {
                payload.perImage = payload.perImage.filter { !excludedNames.contains($0.filename) }
                payload.filenameMatrix = payload.filenameMatrix.map { $0.map { $0.filter { !excludedNames.contains($0) } } }
                payload.totalObjects = (0..<payload.classCount).map { c in
                    payload.perImage.reduce(0) { $0 + (c < $1.nbPreds.count ? $1.nbPreds[c] : 0) }
                }
            }
            if payload.metrics != nil || !state.metrics.isEmpty { payload.metrics = state.metrics }
            // Renames apply to the matrix's labels where they were the payload's as loaded (`payload`
            // here, before any rename or push): a matrix loaded with other labels keeps them, for
            // `check` to report.
            let loadedLabels = payload.labels
            payload.labels = state.labels
            return (payload, matrix.map {
                ConfusionMatrixLog(categories: $0.categories == loadedLabels ? state.labels : $0.categories, values: $0.values)
            })
        }
    }

    func payload(heatmap: Bool) throws(ExecutionError) -> JSONValue {
        let session = try current()
        let documents = payloadDocuments(session)
        if heatmap {
            guard let matrix = documents.matrix else {
                throw .unavailable("\(session.name) was loaded without its confusion-matrix log", help: nil)
            }
            return matrix.jsonValue
        }
        return documents.evaluation.jsonValue
    }

    func check() throws(ExecutionError) -> [QueryResult] {
        let session = try current()
        let documents = payloadDocuments(session)
        var issues = PayloadCheck.issues(of: documents.evaluation, confusionMatrix: documents.matrix)
        if documents.matrix == nil, case .payloadFile(let path, nil) = session.origin {
            issues += SiblingConfusionMatrix.issues(beside: path, payload: documents.evaluation, severity: .error)
        }
        if issues.isEmpty {
            return [.message(Message("\(session.name): the payload satisfies every consistency rule"))]
        }
        return [.check(CheckResult(evaluation: session.name, issues: issues))]
    }
}
