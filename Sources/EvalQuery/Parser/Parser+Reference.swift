/// `[QUALIFIER.]NAME[CLASS]` in its spellings: `FN`, `FN[car]`, `FN["traffic light"]`,
/// `FN.car`, `A.AP50`, `cand.FN[car]`, `delta.FN.car`.
extension Parser {
    mutating func reference() throws(Diagnostic) -> Reference {
        let first = cursor.current
        var parts = [try referencePart()]
        while cursor.current.isSymbol("."), !cursor.current.isSpaced, !cursor.peek().isSpaced,
              cursor.peek().kind == .word || isString(cursor.peek()) {
            cursor.advance()
            parts.append(try referencePart())
        }
        var className: Name?
        if cursor.current.isSymbol("["), !cursor.current.isSpaced {
            className = try bracketedClass()
        }
        let range = SourceRange(start: first.range.start, end: cursor.lastEnd)
        switch (parts.count, className) {
        case (1, _):
            return Reference(parts[0], className: className, range: range)
        case (2, .some):
            return Reference(qualifier: parts[0], parts[1], className: className, range: range)
        case (2, nil) where Reference.isKnownName(parts[1].text):
            return Reference(qualifier: parts[0], parts[1], range: range)
        case (2, nil):
            return Reference(parts[0], className: parts[1], range: range)
        case (3, nil):
            return Reference(qualifier: parts[0], parts[1], className: parts[2], range: range)
        default:
            throw Diagnostic(.referenceTooLong(cursor.text(range)), at: range)
        }
    }

    /// One word or quoted name of a reference.
    private mutating func referencePart() throws(Diagnostic) -> Name {
        let token = cursor.current
        if case .string(let text) = token.kind {
            cursor.advance()
            return Name(text, range: token.range, isQuoted: true)
        }
        guard token.kind == .word else { throw expected(.field) }
        cursor.advance()
        return Name(token.text, range: token.range)
    }

    /// `[CLASS]`: a quoted name, or everything up to `]` (so `FN[traffic light]` works too).
    private mutating func bracketedClass() throws(Diagnostic) -> Name {
        cursor.advance()
        if case .string(let text) = cursor.current.kind, cursor.peek().isSymbol("]") {
            let token = cursor.advance()
            cursor.advance()
            return Name(text, range: token.range, isQuoted: true)
        }
        guard !cursor.current.isSymbol("]"), !cursor.current.endsStatement else { throw expected(.className) }
        let start = cursor.current.range.start
        while !cursor.current.isSymbol("]") {
            if cursor.current.endsStatement { throw expected(.closing("]")) }
            cursor.advance()
        }
        let range = SourceRange(start: start, end: cursor.lastEnd)
        cursor.advance()
        return Name(cursor.text(range), range: range)
    }
}
