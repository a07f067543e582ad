/// A name written by the user (a class, a file, an evaluation, a field) with where it was written,
/// so the executor can point at an unknown class with a caret.
///
/// Equality and hashing use `text` only: two ASTs are equal when they mean the same thing,
/// wherever they were written, and tests can spell names as string literals.
public struct Name: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public var text: String
    /// Where the name was written; nil for a name built in code.
    public var range: SourceRange?
    /// True when written in quotes (`"none"`, `'none'`): it names a class; bare `none` is the background.
    public var isQuoted: Bool

    public init(_ text: String, range: SourceRange? = nil, isQuoted: Bool = false) {
        self.text = text
        self.range = range
        self.isQuoted = isQuoted
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    public static func == (lhs: Name, rhs: Name) -> Bool { lhs.text == rhs.text }

    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    public var description: String { text }

    /// The name as it must be typed to read back the same: quoted unless it is a plain word.
    public var quotedIfNeeded: String {
        let plain = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
            && !(text.first?.isNumber ?? false)
        return plain ? text : quoted
    }

    /// The name in double quotes, `"` and `\` escaped.
    public var quoted: String {
        var escaped = ""
        for c in text {
            if c == "\\" || c == "\"" { escaped.append("\\") }
            escaped.append(c)
        }
        return "\"\(escaped)\""
    }
}
