/// Joins physical lines into statements: a line ending in an odd number of backslashes
/// (trailing spaces aside) continues on the next line. The backslash is dropped and the
/// pieces are joined with one space, leading indentation of continuation lines removed.
/// Trailing blanks (such as the space Tab completion appends) are removed from the
/// statement; a leading space is kept because it keeps the statement out of history.
public struct StatementAccumulator: Sendable {
    /// What feeding one line produced.
    public enum Step: Equatable, Sendable {
        /// The statement continues; read another line with the continuation prompt.
        case needsMore
        case complete(String)
    }

    private var pieces: [Substring] = []

    public init() {}

    /// Whether a statement is partly typed (the next prompt is a continuation prompt).
    public var isPending: Bool { !pieces.isEmpty }

    public mutating func add(_ line: String) -> Step {
        var text = Substring(line)
        if isPending { text = text.drop { $0 == " " || $0 == "\t" } }
        let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" }
        let trailingBackslashes = trimmed.prefix { $0 == "\\" }.count
        if trailingBackslashes % 2 == 1 {
            let body = text.dropLast(text.count - trimmed.count + 1)
            let withoutSpace = body.reversed().drop { $0 == " " || $0 == "\t" }
            pieces.append(body.dropLast(body.count - withoutSpace.count))
            return .needsMore
        }
        pieces.append(text)
        var statement = pieces.joined(separator: " ")
        while statement.last == " " || statement.last == "\t" { statement.removeLast() }
        pieces.removeAll()
        return .complete(statement)
    }

    /// Drops a partly typed statement (after Ctrl-C).
    public mutating func reset() {
        pieces.removeAll()
    }
}
