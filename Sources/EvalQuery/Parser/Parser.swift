/// Parses query text (one typed line or a whole script) into statements.
///
/// Statements end at `;` or a line end; a statement that fails gives one diagnostic, located in
/// the whole text, and parsing resumes after it. The parser never traps on any input.
public struct Parser {
    var cursor: TokenCursor
    /// The statement being parsed, for messages about what follows it.
    var keyword: StatementKeyword?
    /// Open `(`, `not` and unary `-` around the current token.
    var nesting = 0

    /// The deepest expression accepted, in tree levels (a chain of 300 `or` is 300 levels):
    /// deep enough for any condition a person writes, shallow enough for every recursive pass
    /// over it (compile, print, hash, free) in a debug build's large stack frames.
    public static let depthLimit = 256
    /// The most `(`, `not` and unary `-` open at once: the parser descends about a dozen frames
    /// for each.
    public static let nestingLimit = 64
    /// The longest statement accepted, in characters (1 MiB).
    public static let statementLengthLimit = 1 << 20

    init(source: String) {
        cursor = TokenCursor(source: source)
    }

    /// Every statement of `source`, and a diagnostic for each that is malformed.
    public static func parse(_ source: String) -> ParsedScript {
        var parser = Parser(source: source)
        return parser.parseScript()
    }

    /// The single statement of `source`; throws its diagnostic, or an `.expected(.statement)`
    /// one when the text holds no statement. Extra statements are ignored.
    public static func parseStatement(_ source: String) throws(Diagnostic) -> Statement {
        let script = parse(source)
        if let first = script.diagnostics.first,
           script.statements.first.map({ $0.range.start > first.range.start }) ?? true {
            throw first
        }
        guard let node = script.statements.first else {
            throw Diagnostic(.expected(.statement, after: nil, found: nil), at: SourceRange(at: .start))
        }
        return node.statement
    }

    private mutating func parseScript() -> ParsedScript {
        var statements: [StatementNode] = []
        var diagnostics: [Diagnostic] = []
        while true {
            while cursor.current.kind == .separator { cursor.advance() }
            if cursor.current.kind == .end { break }
            let start = cursor.current.range.start
            cursor.startStatement()
            nesting = 0
            do throws(Diagnostic) {
                try checkStrings()
                let statement = try parseStatement()
                try expectEnd()
                let range = SourceRange(start: start, end: cursor.lastEnd)
                statements.append(StatementNode(statement: statement, range: range, text: cursor.text(range)))
            } catch {
                diagnostics.append(error)
                cursor.skipStatement()
            }
        }
        return ParsedScript(statements: statements, diagnostics: diagnostics)
    }

    /// Reports a statement over the length limit, or an unterminated string, before anything
    /// else they might cause.
    private func checkStrings() throws(Diagnostic) {
        var index = cursor.index
        let start = cursor.tokens[index].range.start
        while !cursor.tokens[index].endsStatement {
            let token = cursor.tokens[index]
            if token.range.end.offset - start.offset > Self.statementLengthLimit {
                throw Diagnostic(.statementTooLong(limit: Self.statementLengthLimit), at: SourceRange(at: start))
            }
            if token.kind == .unterminatedString {
                throw Diagnostic(.unterminatedString, at: token.range)
            }
            index += 1
        }
    }

    private mutating func parseStatement() throws(Diagnostic) -> Statement {
        let token = cursor.current
        guard token.kind == .word else {
            throw Diagnostic(.expected(.statement, after: nil, found: token.text), at: token.range)
        }
        guard let keyword = StatementKeyword(word: token.text) else {
            let suggestion = Suggestion.closest(to: token.text, among: StatementKeyword.allCases.map(\.rawValue))
            throw Diagnostic(.unknownStatement(token.text, suggestion: suggestion), at: token.range)
        }
        cursor.advance()
        self.keyword = keyword
        return try parseBody(of: keyword)
    }

    /// After a complete statement only its end may come.
    private func expectEnd() throws(Diagnostic) {
        let token = cursor.current
        guard !token.endsStatement else { return }
        let takesClauses: Set<StatementKeyword> = [.cell, .where, .images, .compare]
        if let word = cursor.currentWord, ["where", "sort", "limit"].contains(word),
           let keyword, takesClauses.contains(keyword) {
            throw Diagnostic(.clauseOutOfOrder(token.text), at: token.range)
        }
        throw Diagnostic(.unexpectedInput(token.text, statement: keyword?.rawValue ?? ""), at: token.range)
    }

    // MARK: Errors

    /// "expected X after 'last word'", at the current token, or just after the last word
    /// when the statement ended too soon.
    func expected(_ expectation: Expectation) -> Diagnostic {
        let token = cursor.current
        if token.endsStatement {
            return Diagnostic(.expected(expectation, after: cursor.lastConsumed, found: nil), at: SourceRange(at: cursor.lastEnd))
        }
        return Diagnostic(.expected(expectation, after: cursor.lastConsumed, found: token.text), at: token.range)
    }
}
