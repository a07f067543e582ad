import EvalQuery

extension PendingEditsResult {
    /// `#`, the statement and its effect, oldest first.
    var table: ResultTable {
        ResultTable(
            title: "pending edits of \(evaluation) (push sends them to \(pushTarget); undo takes back the last, reset all)",
            columns: ["#", "statement", "effect"],
            rows: edits.enumerated().map { [.int($0.offset + 1), .string($0.element.statement), .string($0.element.effect)] },
            notes: edits.isEmpty ? ["no pending edits"] : [])
    }
}
