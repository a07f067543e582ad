/// One lexical unit of a query. The lexer knows no statement: words, numbers and symbols are
/// split finely, and the parser glues adjacent tokens back into a bare filename, path or
/// target (`../data/gt.json`, `store:run@3`) where such a word is expected.
public struct Token: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// Letters, digits and `_`, starting with a letter or `_`.
        case word
        /// Digits with an optional fraction and exponent.
        case number(Double)
        /// A double- or single-quoted text, escapes resolved.
        case string(String)
        /// An operator or punctuation (`<=`, `[`, `.`, …) or any other single character.
        case symbol
        /// `;` or a line end: the end of a statement.
        case separator
        /// A string without its closing quote.
        case unterminatedString
        case end
    }

    public var kind: Kind
    /// The exact source text (a string keeps its quotes).
    public var text: String
    public var range: SourceRange
    /// True when whitespace, a comment, a line continuation or the start of the text comes
    /// right before: the token starts a new word.
    public var isSpaced: Bool

    public init(kind: Kind, text: String, range: SourceRange, isSpaced: Bool) {
        self.kind = kind
        self.text = text
        self.range = range
        self.isSpaced = isSpaced
    }

    /// A word token whose text is `keyword`, ignoring case.
    public func isKeyword(_ keyword: String) -> Bool {
        kind == .word && text.lowercased() == keyword
    }

    public func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol && text == symbol
    }

    /// Separators and the end of input close a statement.
    public var endsStatement: Bool {
        kind == .separator || kind == .end
    }
}
