extension HelpEntry {
    /// What `help` prints: every statement without a topic; with one, its entry, the entries
    /// of its related topics, and their notes.
    public static func page(for topic: String?) -> ResultTable {
        guard let topic, let entry = lookup(topic) else {
            return ResultTable(
                title: "statements (help STATEMENT for one; statements end at ';' or a new line)",
                columns: ["syntax", "what it does"],
                rows: all.map { [.string($0.syntax), .string($0.summary)] },
                notes: ["help sort, help limit: the clauses; help set: the settings"])
        }
        let entries = [entry] + entry.related
        return ResultTable(
            title: entry.topic, columns: ["syntax", "what it does", "example"],
            rows: entries.map { [.string($0.syntax), .string($0.summary), .string($0.example)] },
            notes: entries.flatMap(\.notes))
    }
}
