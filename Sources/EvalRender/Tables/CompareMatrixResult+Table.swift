import EvalQuery

extension CompareMatrixResult {
    /// The difference B − A, rows ground truth, columns predictions. On the diagonal more is
    /// better (objects found); elsewhere more is worse (confusions, misses in the none column,
    /// false positives in the none row).
    var table: ResultTable {
        let names = labels + ["none"]
        return ResultTable(
            title: "change \(b) − \(a), rows ground truth, columns predictions (green better, red worse)",
            columns: ["gt \\ pred"] + names,
            rows: difference.enumerated().map { r, row in
                [.string(names[r])] + row.enumerated().map { c, d in
                    d == 0 ? Cell.int(0) : .change(Double(d), higherIsBetter: mixedPoints ? nil : r == c && r < labels.count, whole: true)
                }
            },
            notes: notes)
    }
}
