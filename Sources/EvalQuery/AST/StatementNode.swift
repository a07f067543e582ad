/// A parsed statement with where it was written in the whole input.
public struct StatementNode: Hashable, Sendable {
    public var statement: Statement
    /// From the statement's first token to the end of its last one.
    public var range: SourceRange
    /// The statement's source text (continuation lines included), for history and titles.
    public var text: String

    public init(statement: Statement, range: SourceRange, text: String) {
        self.statement = statement
        self.range = range
        self.text = text
    }
}
