import EvalQuery

extension CompareClassesResult {
    /// B's AP, then ΔAP, ΔAP50, Δprecision, Δrecall, B's F1, ΔF1, ΔTP, ΔFP, ΔFN.
    var table: ResultTable {
        // AP does not depend on the operating point; the other changes do.
        let direction = { (higherIsBetter: Bool) in self.mixedPoints ? nil : higherIsBetter }
        func change(_ value: Double?, _ higherIsBetter: Bool?, whole: Bool = false) -> Cell {
            value.map { .change($0, higherIsBetter: higherIsBetter, whole: whole) } ?? .null
        }
        return ResultTable(
            title: "per class, \(a) → \(b): \(b)'s AP and F1 with each change (sort by a change: compare \(a) \(b) classes sort F1)",
            columns: ["class", "AP", "ΔAP", "ΔAP50", "Δprecision", "Δrecall", "F1", "ΔF1", "ΔTP", "ΔFP", "ΔFN"],
            rows: rows.map { row in
                [
                    .string(row.name), row.ap.map(Cell.double) ?? .null, change(row.apChange, true), change(row.ap50Change, true),
                    change(row.precisionChange, direction(true)), change(row.recallChange, direction(true)), .double(row.f1),
                    change(row.f1Change, direction(true)), change(Double(row.tpChange), direction(true), whole: true),
                    change(Double(row.fpChange), direction(false), whole: true),
                    change(Double(row.fnChange), direction(false), whole: true),
                ]
            },
            notes: notes + (lacksClassAP ? ["AP per class needs boxes on both sides (a payload records only the overall statistics)"] : []))
    }
}
