import EvalCore
import EvalQuery

extension CompareBoxesResult {
    /// One row per change: image, kind, class and score of its row in B (in A when B has none),
    /// the fates before and after (`—` for no row), then that row's error, IoU and match.
    var table: ResultTable {
        let rows: [[Cell]] = changes.map { change in
            let cells = change.rowAfter.map { after.cells($0) } ?? before.cells(change.rowBefore!)
            let fate = { (f: BoxTable.Fate?) in f.map { Cell.string($0.fieldName) } ?? .null }
            return [cells[0], cells[1], cells[2], cells[3], fate(change.before), fate(change.after), cells[13], cells[10], cells[11]]
        }
        var notes: [String] = []
        if !pairsPredictions { notes.append("objects only: \(a) and \(b) have different predictions, which cannot be paired") }
        if matched > changes.count { notes.append("\(matched) boxes changed; the query's limit kept \(changes.count)") }
        return ResultTable(
            title: "boxes whose fate changed from \(a) to \(b)\(predicate.map { " where \($0)" } ?? ""): \(matched)",
            columns: ["image", "kind", "class", "score", "before", "after", "error", "iou", "match"], rows: rows, notes: notes)
    }
}
