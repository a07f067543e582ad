/// What `help` says about one topic: a statement, a clause (`sort`, `limit`) or a setting of
/// `set`. The examples are also in `Grammar/evalsh.ebnf`; a test keeps the two in step and
/// parses every example.
public struct HelpEntry: Hashable, Sendable {
    /// The word typed after `help` for this entry (`cell`, `sort`, `rows`).
    public var topic: String
    /// The statement this entry documents; nil for a clause or a setting.
    public private(set) var keyword: StatementKeyword?
    /// The syntax line, in the grammar's notation: `cell GT PRED [where P] [sort F [asc|desc]] [limit N]`.
    public var syntax: String
    public var summary: String
    public var example: String
    /// What the syntax line cannot show (defaults, rules), printed under the table.
    public var notes: [String]
    /// Entries shown on the same page, below this one: the clauses of `where`, the settings of `set`.
    public var related: [HelpEntry]

    public init(
        _ keyword: StatementKeyword, _ syntax: String, _ summary: String, example: String,
        notes: [String] = [], related: [HelpEntry] = []
    ) {
        self.init(topic: keyword.rawValue, syntax, summary, example: example, notes: notes, related: related)
        self.keyword = keyword
    }

    public init(
        topic: String, _ syntax: String, _ summary: String, example: String,
        notes: [String] = [], related: [HelpEntry] = []
    ) {
        self.topic = topic
        self.syntax = syntax
        self.summary = summary
        self.example = example
        self.notes = notes
        self.related = related
    }

    /// The entry of `keyword`.
    public static func of(_ keyword: StatementKeyword) -> HelpEntry? {
        all.first { $0.keyword == keyword }
    }

    /// The entry `help WORD` shows, ignoring case: a statement, a clause or a setting (a
    /// statement first: `help images` is the statement, `help set` shows the setting).
    public static func lookup(_ word: String) -> HelpEntry? {
        let lowered = word.lowercased()
        return (all + clauses + settings).first { $0.topic == lowered }
    }

    /// Every word `help` knows, once each, statements first.
    public static let topics: [String] = {
        var seen = Set<String>()
        return (all + clauses + settings).map(\.topic).filter { seen.insert($0).inserted }
    }()
}
