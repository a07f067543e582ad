import EvalCore
import EvalQuery

extension CompareImagesResult {
    /// `filename`, A's objects, then B's TP, FP and FN each with its change from A.
    var table: ResultTable {
        let fields: [(name: String, value: (Totals) -> Int, higherIsBetter: Bool)] = [
            ("TP", \.tp, true), ("FP", \.fp, false), ("FN", \.fn, false),
        ]
        var columns = ["filename", "objects"]
        for f in fields { columns += ["\(f.name) \(b)", "Δ\(f.name)"] }
        return ResultTable(
            title: (predicate.map { "compare \(a) \(b) where \($0)" } ?? "compare \(a) \(b)") + ": \(b)'s counts and the change from \(a)",
            columns: columns,
            rows: rows.map { row in
                var cells: [Cell] = [.string(row.filename), .int(row.a.objects)]
                for f in fields {
                    let (x, y) = (f.value(row.a), f.value(row.b))
                    cells += [.int(y), .change(Double(y - x), higherIsBetter: mixedPoints ? nil : f.higherIsBetter, whole: true)]
                }
                return cells
            },
            notes: matched > rows.count ? ["\(matched) images matched, \(rows.count) shown"] : [])
    }
}
