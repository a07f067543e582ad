import EvalQuery

extension EvaluationListResult {
    /// One row an evaluation, `*` marking the current one.
    var table: ResultTable {
        ResultTable(
            title: "loaded evaluations", columns: ["", "name", "kind", "images", "classes", "operating point", "edits", "from", "push goes to"],
            rows: entries.map { e in
                [
                    .string(e.isCurrent ? "*" : ""), .string(e.name), .string(e.hasBoxes ? "boxes" : "payload"),
                    .int(e.images), .int(e.classes), .string("iou=\(e.point.iou) confidence=\(e.point.confidence)"),
                    .int(e.pendingEdits), .string(e.origin), .string(e.pushTarget),
                ]
            },
            notes: entries.isEmpty ? ["none loaded: load GT.json PREDICTIONS.json"] : [])
    }
}
