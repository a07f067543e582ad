/// Splits a query text into tokens, tracking line and column.
///
/// Strings are double- or single-quoted (`"traffic light"`, `'*_d_*'`), alike.
/// Whitespace, `#` comments (a `#` that starts a word, so `img#2.jpg` stays a name) and a
/// trailing `\` before a line end are skipped; each skip marks the next token as spaced so the
/// parser knows where bare words begin and end. Lexing never fails: an unterminated string
/// becomes an `.unterminatedString` token that the parser reports in its own statement.
public struct Lexer {
    private let chars: [Character]
    private var index = 0
    private var line = 1
    private var column = 1

    public init(_ source: String) {
        chars = Array(source)
    }

    /// All tokens of `source`, ending with one `.end` token.
    public static func tokenize(_ source: String) -> [Token] {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private static let twoCharacterSymbols: Set<String> = ["<=", ">=", "!=", "=="]

    private var location: SourceLocation {
        SourceLocation(line: line, column: column, offset: index)
    }

    private func peek(_ ahead: Int = 0) -> Character? {
        index + ahead < chars.count ? chars[index + ahead] : nil
    }

    private mutating func advance() {
        if chars[index].isNewline {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    /// The next token; `.end` forever once the text is consumed.
    public mutating func next() -> Token {
        let spaced = skipTrivia()
        let start = location
        guard let c = peek() else {
            return Token(kind: .end, text: "", range: SourceRange(at: start), isSpaced: true)
        }
        let kind: Token.Kind
        if c.isNewline || c == ";" {
            advance()
            kind = .separator
        } else if c == "\"" || (c == "'" && !followsWord) {
            kind = lexString(closedBy: c)
        } else if Self.isDigit(c) {
            kind = lexNumber()
        } else if c.isLetter || c == "_" {
            while let d = peek(), Self.isWordCharacter(d) { advance() }
            kind = .word
        } else {
            advance()
            if let d = peek(), Self.twoCharacterSymbols.contains(String([c, d])) { advance() }
            kind = .symbol
        }
        let text = String(chars[start.offset..<index])
        return Token(kind: kind, text: text, range: SourceRange(start: start, end: location), isSpaced: spaced)
    }

    /// Skips blanks, comments and line continuations; true when anything was skipped or the
    /// previous token ended a statement.
    private mutating func skipTrivia() -> Bool {
        var skipped = index == 0 || chars[index - 1].isNewline || chars[index - 1] == ";"
        while let c = peek() {
            if c.isWhitespace && !c.isNewline {
                advance()
            } else if c == "#" && skipped {
                while let d = peek(), !d.isNewline { advance() }
            } else if c == "\\", let end = continuationEnd() {
                while index < end { advance() }
            } else {
                break
            }
            skipped = true
        }
        return skipped
    }

    /// When a `\` at `index` is followed by blanks and a line end (or the end of text), the
    /// index just after that line end.
    private func continuationEnd() -> Int? {
        var i = index + 1
        while i < chars.count, chars[i].isWhitespace, !chars[i].isNewline { i += 1 }
        if i == chars.count { return i }
        return chars[i].isNewline ? i + 1 : nil
    }

    /// True when the character before `index` is a letter, digit or `_`: a `'` there is an
    /// apostrophe inside a bare word (`o'brien.jpg`), not an opening quote.
    private var followsWord: Bool {
        index > 0 && Self.isWordCharacter(chars[index - 1])
    }

    /// A string between two `quote` characters (`"` or `'`); inside, `\` escapes `quote` and `\`.
    private mutating func lexString(closedBy quote: Character) -> Token.Kind {
        advance()
        var value = ""
        while let c = peek() {
            if c.isNewline { return .unterminatedString }
            advance()
            if c == quote { return .string(value) }
            if c == "\\", let escaped = peek(), escaped == quote || escaped == "\\" {
                advance()
                value.append(escaped)
            } else {
                value.append(c)
            }
        }
        return .unterminatedString
    }

    private mutating func lexNumber() -> Token.Kind {
        let start = index
        while let c = peek(), Self.isDigit(c) { advance() }
        if peek() == ".", let d = peek(1), Self.isDigit(d) {
            advance()
            while let c = peek(), Self.isDigit(c) { advance() }
        }
        if let e = peek(), e == "e" || e == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if let d = peek(signed ? 2 : 1), Self.isDigit(d) {
                advance()
                if signed { advance() }
                while let c = peek(), Self.isDigit(c) { advance() }
            }
        }
        return .number(Double(String(chars[start..<index])) ?? .nan)
    }

    private static func isDigit(_ c: Character) -> Bool {
        c >= "0" && c <= "9"
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c == "_" || isDigit(c)
    }
}
