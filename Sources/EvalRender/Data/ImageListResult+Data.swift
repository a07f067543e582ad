import EvalQuery

extension ImageListResult: DataRepresentable {
    /// Totals first (`objects`, `preds`, `TP`, `FP`, `FN`, the extra column), then per-class
    /// columns named `objects:car`, `preds:car`, `TP:car`, ….
    var dataTable: DataTable {
        var columns = ["filename", "objects", "preds", "TP", "FP", "FN"]
        if let extraColumn { columns.append(extraColumn) }
        for kind in ["objects", "preds", "TP", "FP", "FN"] {
            columns += labels.map { "\(kind):\($0)" }
        }
        let rows = self.rows.map { row -> [Cell] in
            let perClass = [row.nbObjects, row.nbPreds, row.tp, row.fp, row.fn]
            var cells: [Cell] = [.string(row.filename)] + perClass.map { .int($0.reduce(0, +)) }
            if extraColumn != nil { cells.append(row.extra.map(Cell.int) ?? .null) }
            for counts in perClass { cells += counts.map(Cell.int) }
            return cells
        }
        return DataTable(title: title, columns: columns, rows: rows)
    }

    /// One object per image: `filename`, then `nb_objects`, `nb_preds`, `TP`, `FP`, `FN` as
    /// `{class: count}`, then the extra column when set.
    var jsonNode: JSONNode {
        .array(rows.map { row in
            func perClass(_ counts: [Int]) -> JSONNode {
                .object(zip(labels, counts).map { ($0, .int($1)) })
            }
            var pairs: [(String, JSONNode)] = [
                ("filename", .string(row.filename)), ("nb_objects", perClass(row.nbObjects)),
                ("nb_preds", perClass(row.nbPreds)), ("TP", perClass(row.tp)), ("FP", perClass(row.fp)),
                ("FN", perClass(row.fn)),
            ]
            if let extraColumn { pairs.append((extraColumn, row.extra.map(JSONNode.int) ?? .null)) }
            return .object(pairs)
        })
    }
}
