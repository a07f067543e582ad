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
            let counts = row.counts, t = counts.totals()
            var cells: [Cell] = [.string(row.filename)] + [t.objects, t.predictions, t.tp, t.fp, t.fn].map(Cell.int)
            if extraColumn != nil { cells.append(row.extra.map(Cell.int) ?? .null) }
            for column in [counts.nbObjects, counts.nbPreds, counts.tp, counts.fp, counts.fn] {
                cells += column.map { .int(Int($0)) }
            }
            return cells
        }
        return DataTable(title: title, columns: columns, rows: rows)
    }

    /// One object per image: `filename`, then `nb_objects`, `nb_preds`, `TP`, `FP`, `FN` as
    /// `{class: count}`, then the extra column when set.
    var jsonNode: JSONNode {
        .array(rows.map { row in
            func perClass(_ counts: [Int32]) -> JSONNode {
                .object(zip(labels, counts).map { ($0, .int(Int($1))) })
            }
            let counts = row.counts
            var pairs: [(String, JSONNode)] = [
                ("filename", .string(row.filename)), ("nb_objects", perClass(counts.nbObjects)),
                ("nb_preds", perClass(counts.nbPreds)), ("TP", perClass(counts.tp)), ("FP", perClass(counts.fp)),
                ("FN", perClass(counts.fn)),
            ]
            if let extraColumn { pairs.append((extraColumn, row.extra.map(JSONNode.int) ?? .null)) }
            return .object(pairs)
        })
    }
}
