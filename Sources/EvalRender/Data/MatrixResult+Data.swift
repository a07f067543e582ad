import EvalQuery

/// The full matrix, whatever `top` says: data is never folded.
extension MatrixResult: DataRepresentable {
    /// The values as displayed in the JSON and CSV: counts, or fractions when normalized.
    private func cell(_ row: Int, _ column: Int) -> Cell {
        normalization == .none ? .int(counts[row][column]) : .double(value(row, column))
    }

    /// A header row of prediction labels, then one row per ground-truth label (`none` last).
    var dataTable: DataTable {
        let names = labels + ["none"]
        return DataTable(
            title: (subject.map { "\($0): " } ?? "") + "Confusion matrix at IoU \(point.iou), confidence \(point.confidence) "
                + "(rows ground truth, columns predictions)",
            columns: ["ground truth \\ prediction"] + names,
            rows: names.indices.map { r in [.string(names[r])] + names.indices.map { cell(r, $0) } })
    }

    /// `{"labels": [...], "values": [[...]]}`: `labels` are the n classes, `values` is
    /// (n+1)×(n+1) with background last, like Picsellia's `confusion-matrix` log.
    /// A matrix of a comparison also names its evaluation (`"evaluation": "base"`).
    var jsonNode: JSONNode {
        .object((subject.map { [("evaluation", JSONNode.string($0))] } ?? []) + [
            ("labels", .array(labels.map(JSONNode.string))),
            ("values", .array(counts.indices.map { r in .array(counts[r].indices.map { JSONNode(cell(r, $0)) }) })),
        ])
    }
}
