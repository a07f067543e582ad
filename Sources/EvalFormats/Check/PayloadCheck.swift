import EvalCore

/// Checks a Picsellia payload against the consistency rules of `picsellia-evaluation.md`,
/// and optionally the `confusion-matrix` log against the payload.
///
/// Structural problems (array lengths, boxes out of `[0, 1]` or inverted, unknown class ids,
/// unknown or repeated filenames, matrix shapes) are errors; counts that do not add up are
/// warnings, because a hand-edited payload is still worth exploring.
public enum PayloadCheck {
    public static func issues(of payload: PicselliaEvaluation, confusionMatrix: ConfusionMatrixLog? = nil)
        -> [PayloadIssue]
    {
        var found: [PayloadIssue] = []
        let n = payload.labels.count
        func error(_ path: String, _ message: String) { found.append(.init(severity: .error, path: path, message: message)) }
        func warning(_ path: String, _ message: String) {
            found.append(.init(severity: .warning, path: path, message: message))
        }
        if payload.categories.count != n {
            error("categories", "\(payload.categories.count) category ids for \(n) labels")
        }
        if payload.totalObjects.count != n { error("total_objects", "expected \(n) numbers, found \(payload.totalObjects.count)") }
        let categoryIds = Set(payload.categories.compactMap { Int($0) })
        var predictedPerClass = Array(repeating: 0.0, count: n)
        var filenames: Set<String> = []
        for (i, image) in payload.perImage.enumerated() {
            var place: String { "per_image_eval[\(i)]" }
            if !filenames.insert(image.filename).inserted {
                error("\(place).filename", "\"\(image.filename)\" appears more than once")
            }
            var lengthsOK = true
            if image.nbObjects.count != n || image.nbPreds.count != n || image.tp.count != n || image.fp.count != n
                || image.fn.count != n
            {
                let arrays = [("nb_objects", image.nbObjects), ("nb_preds", image.nbPreds), ("TP", image.tp),
                              ("FP", image.fp), ("FN", image.fn)]
                for (name, values) in arrays where values.count != n {
                    error("\(place).\(name)", "expected \(n) numbers, found \(values.count)")
                    lengthsOK = false
                }
            }
            if lengthsOK {
                for c in 0..<n {
                    predictedPerClass[c] += image.nbPreds[c]
                    if image.tp[c] + image.fp[c] != image.nbPreds[c] {
                        warning("\(place).TP[\(c)]", "TP + FP = \(count(image.tp[c] + image.fp[c])) but nb_preds = \(count(image.nbPreds[c]))")
                    }
                    if image.tp[c] + image.fn[c] != image.nbObjects[c] {
                        warning("\(place).TP[\(c)]", "TP + FN = \(count(image.tp[c] + image.fn[c])) but nb_objects = \(count(image.nbObjects[c]))")
                    }
                }
                let predictions = image.nbPreds.reduce(0, +)
                if Double(image.bbox.count) != predictions {
                    warning("\(place).bbox", "\(image.bbox.count) boxes but Σ nb_preds = \(count(predictions))")
                }
            }
            if image.classes.count != image.bbox.count {
                error("\(place).classes", "\(image.classes.count) classes for \(image.bbox.count) boxes")
            }
            for (b, box) in image.bbox.enumerated() {
                guard box.count == 4 else {
                    error("\(place).bbox[\(b)]", "expected 4 numbers, found \(box.count)")
                    continue
                }
                let inUnit = box.allSatisfy { $0 >= 0 && $0 <= 1 }
                if !inUnit || box[0] > box[2] || box[1] > box[3] {
                    error("\(place).bbox[\(b)]", "box \(box) is not [ymin, xmin, ymax, xmax] with 0 ≤ min ≤ max ≤ 1")
                }
            }
            for (k, id) in image.classes.enumerated() where !categoryIds.contains(id) {
                error("\(place).classes[\(k)]", "class id \(id) is not one of categories \(payload.categories)")
            }
        }
        if payload.totalObjects.count == n {
            for c in 0..<n where payload.totalObjects[c] != predictedPerClass[c] {
                warning("total_objects[\(c)]", "total_objects = \(count(payload.totalObjects[c])) but Σ nb_preds = \(count(predictedPerClass[c]))")
            }
        }
        checkMatrix(payload.filenameMatrix, n: n, filenames: filenames, error: error)
        if let confusionMatrix {
            found += ConfusionMatrixAgreement.issues(confusionMatrix, payload: payload)
        }
        return found
    }

    private static func checkMatrix(
        _ matrix: [[[String]]], n: Int, filenames: Set<String>, error: (String, String) -> Void
    ) {
        if matrix.count != n + 1 { error("filename_matrix", "expected \(n + 1) rows, found \(matrix.count)") }
        for (r, row) in matrix.enumerated() {
            if row.count != n + 1 { error("filename_matrix[\(r)]", "expected \(n + 1) cells, found \(row.count)") }
            for (c, cell) in row.enumerated() {
                for (k, name) in cell.enumerated() where !filenames.contains(name) {
                    error("filename_matrix[\(r)][\(c)][\(k)]", "\"\(name)\" is not an image of per_image_eval")
                }
            }
        }
    }

    /// A count as the messages show it: `9` for 9.0.
    static func count(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
