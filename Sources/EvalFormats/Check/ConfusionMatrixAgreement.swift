import EvalCore

/// Checks that a `confusion-matrix` log describes the same counts as the `evaluation` payload:
/// the same labels, an `(n+1)×(n+1)` shape, and per class `values[c][c] = Σ TP`, row sum =
/// Σ `nb_objects` (every ground-truth object lands in one cell of its row) and column sum =
/// Σ `nb_preds` (every counted prediction lands in one cell of its column).
/// Paths start with `confusion-matrix.` to tell them from the payload's.
enum ConfusionMatrixAgreement {
    static func issues(_ log: ConfusionMatrixLog, payload: PicselliaEvaluation) -> [PayloadIssue] {
        var found: [PayloadIssue] = []
        let n = payload.labels.count
        if log.categories != payload.labels {
            found.append(.init(
                severity: .warning, path: "confusion-matrix.categories",
                message: "labels \(log.categories) differ from the payload's \(payload.labels)"))
        }
        guard log.values.count == n + 1, log.values.allSatisfy({ $0.count == n + 1 }) else {
            found.append(.init(
                severity: .error, path: "confusion-matrix.values",
                message: "expected \(n + 1)×\(n + 1) values for \(n) classes, found \(log.values.map(\.count))"))
            return found
        }
        // Per class, Σ TP, Σ nb_objects and Σ nb_preds over the images whose arrays have n entries,
        // each summed in image order; one pass, no copy of the images.
        var tpSum = [Double](repeating: 0, count: n), objectSum = tpSum, predSum = tpSum
        for image in payload.perImage where image.tp.count == n && image.nbObjects.count == n && image.nbPreds.count == n {
            for c in 0..<n {
                tpSum[c] += image.tp[c]
                objectSum[c] += image.nbObjects[c]
                predSum[c] += image.nbPreds[c]
            }
        }
        for c in 0..<n {
            let name = payload.labels[c]
            let comparisons: [(path: String, part: String, matrixValue: Double, payloadValue: Double, what: String)] = [
                ("values[\(c)][\(c)]", "cell", log.values[c][c], tpSum[c], "Σ TP"),
                ("values[\(c)]", "row sum", log.values[c].reduce(0, +), objectSum[c], "Σ nb_objects"),
                ("values[*][\(c)]", "column sum", log.values.reduce(0) { $0 + $1[c] }, predSum[c], "Σ nb_preds"),
            ]
            for (path, part, matrixValue, payloadValue, what) in comparisons where matrixValue != payloadValue {
                found.append(.init(
                    severity: .warning, path: "confusion-matrix.\(path)",
                    message: "\(name): \(part) \(PayloadCheck.count(matrixValue)) but the payload's \(what) = "
                        + PayloadCheck.count(payloadValue)))
            }
        }
        return found
    }
}
