/// Names, numbers and option words.
extension Parser {
    /// A name: a quoted string, or the bare word made of the adjacent tokens from here
    /// (`../data/gt.json`, `9999953_00000_d_0000058.jpg`, `store:run@3`).
    /// - Parameter stoppingAt: symbols that end a bare word here (`)` inside an expression).
    mutating func word(_ expectation: Expectation, stoppingAt stops: Set<String> = []) throws(Diagnostic) -> Name {
        let first = cursor.current
        if case .string(let value) = first.kind {
            cursor.advance()
            return Name(value, range: first.range, isQuoted: true)
        }
        guard !first.endsStatement, !(first.kind == .symbol && stops.contains(first.text)) else {
            throw expected(expectation)
        }
        var text = first.text
        var end = first.range.end
        cursor.advance()
        while isGlued(cursor.current), !(cursor.current.kind == .symbol && stops.contains(cursor.current.text)) {
            text += cursor.current.text
            end = cursor.current.range.end
            cursor.advance()
        }
        cursor.consumed(text, upTo: end)
        return Name(text, range: SourceRange(start: first.range.start, end: end))
    }

    /// A token that continues the word before it: no space between, and no string or end.
    private func isGlued(_ token: Token) -> Bool {
        guard !token.isSpaced, !token.endsStatement else { return false }
        switch token.kind {
        case .string, .unterminatedString: return false
        default: return true
        }
    }

    /// A name when the statement goes on, nil at its end.
    mutating func optionalWord(_ expectation: Expectation) throws(Diagnostic) -> Name? {
        cursor.current.endsStatement ? nil : try word(expectation)
    }

    /// The largest whole number a count (`limit`, `top`, `set rows`) takes.
    static let countLimit = 999_999_999_999_999

    /// A whole number, not negative.
    mutating func count() throws(Diagnostic) -> Int {
        let token = cursor.current
        if case .number(let value) = token.kind, !(value < 1e15), cursor.peek().isSpaced || cursor.peek().endsStatement {
            throw Diagnostic(.numberOutOfRange(token.text, limit: "at most \(Self.countLimit)"), at: token.range)
        }
        guard case .number(let value) = token.kind, value >= 0, value == value.rounded(), value < 1e15,
              cursor.peek().isSpaced || cursor.peek().endsStatement
        else { throw expected(.count) }
        cursor.advance()
        return Int(value)
    }

    /// One of `allowed` (returned lowercased), with a suggestion when the word is close to one.
    mutating func option(_ allowed: [String]) throws(Diagnostic) -> String {
        let token = cursor.current
        if token.endsStatement { throw expected(.keywords(allowed)) }
        let lowered = token.text.lowercased()
        guard allowed.contains(lowered), cursor.isAtKeyword(lowered) else {
            let suggestion = Suggestion.closest(to: token.text, among: allowed)
            throw Diagnostic(
                .invalidOption(token.text, after: cursor.lastConsumed ?? "", allowed: allowed, suggestion: suggestion),
                at: token.range)
        }
        cursor.advance()
        return lowered
    }

    /// One of the cases of `Option`, by raw value.
    mutating func choice<Option: CaseIterable & RawRepresentable>(of type: Option.Type) throws(Diagnostic) -> Option
    where Option.RawValue == String {
        let allowed = Option.allCases.map(\.rawValue)
        let range = cursor.current.range
        guard let value = Option(rawValue: try option(allowed)) else {
            throw Diagnostic(.expected(.keywords(allowed), after: nil, found: nil), at: range)
        }
        return value
    }

    /// `on` or `off`.
    mutating func onOff() throws(Diagnostic) -> Bool {
        try option(["on", "off"]) == "on"
    }

    /// Consumes the bare word `keyword` when it comes next.
    mutating func take(_ keyword: String) -> Bool {
        guard cursor.isAtKeyword(keyword) else { return false }
        cursor.advance()
        return true
    }
}
