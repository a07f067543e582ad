import EvalQuery

extension HelpResult {
    /// The overview (syntax and summary of every statement), or a topic's page with examples
    /// and the notes of its entries.
    var table: ResultTable {
        guard isTopic, let entry = entries.first else {
            return ResultTable(
                title: "statements (help STATEMENT for one; statements end at ';' or a new line)",
                columns: ["syntax", "what it does"],
                rows: entries.map { [.string($0.syntax), .string($0.summary)] },
                notes: ["help sort, help limit: the clauses; help set: the settings"])
        }
        return ResultTable(
            title: entry.topic, columns: ["syntax", "what it does", "example"],
            rows: entries.map { [.string($0.syntax), .string($0.summary), .string($0.example)] },
            notes: entries.flatMap(\.notes))
    }
}
