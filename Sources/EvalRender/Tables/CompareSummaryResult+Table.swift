import EvalQuery

extension CompareSummaryResult {
    /// `value`, A, B and the change; counts and rates without ▲/▼ when the sides count at
    /// different operating points.
    var table: ResultTable {
        ResultTable(
            title: "\(a) → \(b) (change = \(b) − \(a); ▲ better, ▼ worse)",
            columns: ["value", a, b, "change"],
            rows: rows.map { row in
                func cell(_ v: Double?) -> Cell { v.map { row.whole ? .int(Int($0)) : .double($0) } ?? .null }
                guard let x = row.a, let y = row.b else { return [.string(row.name), cell(row.a), cell(row.b), .null] }
                let direction = row.dependsOnPoint && sharedPoint == nil ? nil : row.higherIsBetter
                return [.string(row.name), cell(x), cell(y), .change(y - x, higherIsBetter: direction, whole: row.whole)]
            },
            notes: (sharedPoint.map { ["operating point of both: iou=\($0.iou) confidence=\($0.confidence)"] } ?? [])
                + (recordedSides.isEmpty
                    ? [] : ["COCO statistics of \(recordedSides.joined(separator: " and ")) as recorded in its metrics"])
                + missing.map { side, reason in
                    switch reason {
                    case .noBoxes: return "\(side) has no COCO statistics: no boxes, and none recorded in its metrics"
                    case .recordedForAllImages:
                        return "\(side)'s COCO statistics are recorded for all its images, but only the images both sides "
                            + "hold are compared, and without boxes they cannot be recomputed"
                    }
                })
    }
}
