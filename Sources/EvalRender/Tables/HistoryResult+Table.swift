import EvalQuery

extension HistoryResult {
    /// `#` and `statement`, oldest first.
    var table: ResultTable {
        ResultTable(
            title: "history", columns: ["#", "statement"],
            rows: entries.map { [.int($0.number), .string($0.statement)] },
            notes: isKept ? [] : ["history is kept in the interactive shell only"])
    }
}
