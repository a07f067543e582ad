/// A position in the token list of one text, with what the parser needs to word its errors:
/// the text of the last thing consumed and where it ended.
struct TokenCursor {
    let tokens: [Token]
    let source: [Character]
    private(set) var index = 0
    /// The text of the last token or glued word consumed, for "after '…'" in messages.
    private(set) var lastConsumed: String?
    /// Where the last consumed token ended.
    private(set) var lastEnd: SourceLocation = .start

    init(source: String) {
        self.source = Array(source)
        tokens = Lexer.tokenize(source)
    }

    var current: Token { tokens[index] }

    /// The token `ahead` places after the current one; the `.end` token past the last.
    func peek(_ ahead: Int = 1) -> Token {
        tokens[min(index + ahead, tokens.count - 1)]
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if token.kind != .end { index += 1 }
        lastConsumed = token.text
        lastEnd = token.range.end
        return token
    }

    /// Marks a glued word, spanning several tokens, as consumed.
    mutating func consumed(_ text: String, upTo end: SourceLocation) {
        lastConsumed = text
        lastEnd = end
    }

    /// Forgets the last consumed text, at the start of a statement.
    mutating func startStatement() {
        lastConsumed = nil
    }

    /// Skips to the next separator (left current) or the end.
    mutating func skipStatement() {
        while !current.endsStatement { index += 1 }
    }

    /// The source text between two locations.
    func text(_ range: SourceRange) -> String {
        String(source[range.start.offset..<range.end.offset])
    }

    /// The current token is the bare word `keyword` (any case), standing alone rather than
    /// starting a longer word such as `where.jpg`.
    func isAtKeyword(_ keyword: String) -> Bool {
        current.isKeyword(keyword) && (peek().isSpaced || peek().endsStatement)
    }

    /// The current token as a lowercased bare word, when it is one.
    var currentWord: String? {
        current.kind == .word ? current.text.lowercased() : nil
    }
}
