/// `metric [both|EVALUATION] NAME=VALUE {NAME=VALUE}`.
///
/// A metric name is quoted (`"mAP@50"`, `'run id'`: the lexer's string rules) or bare: a word
/// followed, without spaces, by more words, numbers and symbols other than those holding `=`
/// (`mAP@50`, `metrics/mAP50-95(B)`). A value is a quoted text, a number (its kind kept: `1`
/// is whole, `1.0` is not), `true`, `false` or any other bare word (stored as text).
/// Every error points at the token that is wrong.
extension Parser {
    mutating func metricAssignment() throws(Diagnostic) -> MetricAssignment {
        var target: Name?
        var settings: [MetricAssignment.Setting] = []
        repeat {
            let before = cursor.lastConsumed
            let name = try metricName()
            if cursor.current.isSymbol("=") {
                let equals = cursor.advance()
                let (value, range) = try metricValue(after: equals)
                settings.append(MetricAssignment.Setting(name, value, valueRange: range))
            } else if cursor.current.kind == .symbol, cursor.current.text.contains("=") {
                // `a<=1`, `a==1`: a comparison where `=` was meant.
                throw Diagnostic(.expected(.keywords(["="]), after: name.text, found: cursor.current.text), at: cursor.current.range)
            } else if settings.isEmpty, target == nil, !cursor.current.endsStatement {
                // `metric both iou=0.6`, `metric "run a" iou=0.6`: a name not followed by `=`.
                target = name
            } else {
                throw Diagnostic(.expected(.assignment, after: before, found: name.text), at: name.range ?? cursor.current.range)
            }
        } while !cursor.current.endsStatement
        return MetricAssignment(target: target, settings)
    }

    /// A quoted name, or the bare one made of the tokens glued to a leading word.
    private mutating func metricName() throws(Diagnostic) -> Name {
        let first = cursor.current
        if case .string(let text) = first.kind {
            cursor.advance()
            guard !text.isEmpty else { throw Diagnostic(.expected(.metricName, after: nil, found: first.text), at: first.range) }
            return Name(text, range: first.range, isQuoted: true)
        }
        guard first.kind == .word else { throw expected(first.isSymbol("=") ? .metricName : .assignment) }
        var text = first.text
        var end = first.range.end
        cursor.advance()
        while Self.continuesMetricName(cursor.current) {
            text += cursor.current.text
            end = cursor.current.range.end
            cursor.advance()
        }
        cursor.consumed(text, upTo: end)
        return Name(text, range: SourceRange(start: first.range.start, end: end))
    }

    /// A token glued to the name before it that is not a string nor a symbol holding `=`.
    private static func continuesMetricName(_ token: Token) -> Bool {
        guard !token.isSpaced, !token.endsStatement else { return false }
        switch token.kind {
        case .word, .number: return true
        case .symbol: return !token.text.contains("=")
        case .string, .unterminatedString, .separator, .end: return false
        }
    }

    /// The value after `=` and where it was written: a string token, or the bare word of the
    /// tokens glued from here (`-3`, `0.5`, `1e-3`, `true`, `best`, `0.5x`).
    private mutating func metricValue(after equals: Token) throws(Diagnostic) -> (MetricValue, SourceRange) {
        let first = cursor.current
        if case .string(let text) = first.kind {
            cursor.advance()
            return (.string(text), first.range)
        }
        // Nothing after `=`: the caret goes under the `=` that lacks its value.
        guard !first.endsStatement else {
            throw Diagnostic(.expected(.parameterValue, after: "=", found: nil), at: equals.range)
        }
        let value = try word(.parameterValue)
        let range = value.range ?? first.range
        let text = value.text
        // Decimal digits only: Swift's `Double` would also read `0x10` and `nan`.
        let numeric = text.first.map { $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." } ?? false
            && text.allSatisfy { ("0"..."9").contains($0) || "+-.eE".contains($0) }
        if numeric, let number = Double(text) {
            guard number.isFinite else { throw Diagnostic(.numberOutOfRange(text, limit: nil), at: range) }
            let whole = !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" })
            if whole, let integer = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) { return (.integer(integer), range) }
            return (.number(number), range)
        }
        switch text {
        case "true": return (.bool(true), range)
        case "false": return (.bool(false), range)
        default: return (.word(text), range)
        }
    }
}
