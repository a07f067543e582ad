/// Parses query text (one typed line or a whole script) into statements.
///
/// Statements end at `;` or a line end; a statement that fails gives one diagnostic, located in
/// the whole text, and parsing resumes after it. The parser never traps on any input.
public struct Parser {
    var cursor: TokenCursor
    /// The statement being parsed, for messages about what follows it.
    var keyword: StatementKeyword?

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

    /// Reports an unterminated string of the statement before anything else it might cause.
    private func checkStrings() throws(Diagnostic) {
        var index = cursor.index
        while !cursor.tokens[index].endsStatement {
            if cursor.tokens[index].kind == .unterminatedString {
                throw Diagnostic(.unterminatedString, at: cursor.tokens[index].range)
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
