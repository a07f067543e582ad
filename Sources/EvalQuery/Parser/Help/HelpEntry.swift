/// What `help` says about one statement. The examples are also in `Grammar/evalsh.ebnf`;
/// a test keeps the two in step and parses every example.
public struct HelpEntry: Hashable, Sendable {
    public var keyword: StatementKeyword
    /// The syntax line, in the grammar's notation: `cell GT PRED [where P] [sort F [asc|desc]] [limit N]`.
    public var syntax: String
    public var summary: String
    public var example: String

    public init(_ keyword: StatementKeyword, _ syntax: String, _ summary: String, example: String) {
        self.keyword = keyword
        self.syntax = syntax
        self.summary = summary
        self.example = example
    }

    /// The entry of `keyword`.
    public static func of(_ keyword: StatementKeyword) -> HelpEntry? {
        all.first { $0.keyword == keyword }
    }
}
