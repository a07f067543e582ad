/// Predicates and numeric expressions, loosest binding first:
/// `or` < `and` < `not` < comparison < `+ -` < `* /` < unary `-` < primary.
extension Parser {
    /// An expression with the source it spans, for shape errors that quote it.
    struct Located {
        var expression: QueryExpression
        var range: SourceRange
        /// Levels of the expression tree (a leaf is 1), kept under `Parser.depthLimit` so that
        /// compiling, printing, hashing and freeing it cannot exhaust the stack.
        var depth = 1
    }

    /// The node joining `children`, one level deeper than the deepest; throws past the limit.
    private func joined(_ expression: QueryExpression, _ range: SourceRange, _ children: Located...) throws(Diagnostic) -> Located {
        let depth = 1 + children.map(\.depth).max()!
        if depth > Self.depthLimit {
            throw Diagnostic(.nestedTooDeeply(limit: Self.depthLimit), at: SourceRange(at: range.start))
        }
        return Located(expression: expression, range: range, depth: depth)
    }

    /// Counts one level of recursive descent (a `(`, `not` or unary `-`); throws past the limit,
    /// before the stack grows any further.
    private mutating func descend(at token: Token) throws(Diagnostic) {
        nesting += 1
        if nesting > Self.nestingLimit {
            throw Diagnostic(.nestedTooDeeply(limit: Self.nestingLimit), at: token.range)
        }
    }

    /// A whole condition: the argument of `where`, `exclude where` and `assert`.
    mutating func condition() throws(Diagnostic) -> QueryExpression {
        if cursor.current.endsStatement { throw expected(.condition) }
        let parsed = try disjunction()
        try requireCondition(parsed)
        return parsed.expression
    }

    private mutating func disjunction() throws(Diagnostic) -> Located {
        var lhs = try conjunction()
        while cursor.current.isKeyword("or") {
            cursor.advance()
            let rhs = try conjunction()
            try requireCondition(lhs)
            try requireCondition(rhs)
            lhs = try joined(.or(lhs.expression, rhs.expression), lhs.range.union(rhs.range), lhs, rhs)
        }
        return lhs
    }

    private mutating func conjunction() throws(Diagnostic) -> Located {
        var lhs = try negation()
        while cursor.current.isKeyword("and") {
            cursor.advance()
            let rhs = try negation()
            try requireCondition(lhs)
            try requireCondition(rhs)
            lhs = try joined(.and(lhs.expression, rhs.expression), lhs.range.union(rhs.range), lhs, rhs)
        }
        return lhs
    }

    private mutating func negation() throws(Diagnostic) -> Located {
        guard cursor.current.isKeyword("not") else { return try comparison() }
        try descend(at: cursor.current)
        defer { nesting -= 1 }
        let start = cursor.advance().range
        let operand = try negation()
        try requireCondition(operand)
        return try joined(.not(operand.expression), start.union(operand.range), operand)
    }

    private mutating func comparison() throws(Diagnostic) -> Located {
        let lhs = try sum()
        guard let op = comparisonOperator(cursor.current) else {
            if let spaced = spacedClass(after: lhs) { throw spaced }
            return lhs
        }
        cursor.advance()
        try requireValue(lhs)
        let rhs: Located
        if op == .matches || (op == .equal || op == .notEqual) && isFilename(lhs.expression) {
            let pattern = try word(.quotedText, stoppingAt: [")"])
            rhs = Located(expression: .string(pattern.text), range: pattern.range ?? lhs.range)
        } else {
            rhs = try sum()
            try requireValue(rhs)
        }
        if comparisonOperator(cursor.current) != nil {
            throw Diagnostic(.chainedComparison, at: cursor.current.range)
        }
        return try joined(.comparison(op, lhs.expression, rhs.expression), lhs.range.union(rhs.range), lhs, rhs)
    }

    private mutating func sum() throws(Diagnostic) -> Located {
        try binary(operators: [.add, .subtract]) { (parser: inout Parser) throws(Diagnostic) in try parser.product() }
    }

    private mutating func product() throws(Diagnostic) -> Located {
        try binary(operators: [.multiply, .divide]) { (parser: inout Parser) throws(Diagnostic) in try parser.unary() }
    }

    /// A left-associative chain of `operators` between operands parsed by `operand`.
    private mutating func binary(
        operators: [ArithmeticOperator], operand: (inout Parser) throws(Diagnostic) -> Located
    ) throws(Diagnostic) -> Located {
        var lhs = try operand(&self)
        while cursor.current.kind == .symbol, let op = ArithmeticOperator(rawValue: cursor.current.text),
              operators.contains(op) {
            cursor.advance()
            let rhs = try operand(&self)
            try requireValue(lhs)
            try requireValue(rhs)
            lhs = try joined(.arithmetic(op, lhs.expression, rhs.expression), lhs.range.union(rhs.range), lhs, rhs)
        }
        return lhs
    }

    private mutating func unary() throws(Diagnostic) -> Located {
        guard cursor.current.isSymbol("-") else { return try primary() }
        try descend(at: cursor.current)
        defer { nesting -= 1 }
        let start = cursor.advance().range
        let operand = try unary()
        try requireValue(operand)
        let range = start.union(operand.range)
        if case .number(let value) = operand.expression { return Located(expression: .number(-value), range: range) }
        return try joined(.negate(operand.expression), range, operand)
    }

    private mutating func primary() throws(Diagnostic) -> Located {
        let token = cursor.current
        switch token.kind {
        case .number(let value):
            guard value.isFinite else {
                throw Diagnostic(.numberOutOfRange(token.text, limit: nil), at: token.range)
            }
            cursor.advance()
            return Located(expression: .number(value), range: token.range)
        case .string(let text):
            cursor.advance()
            return Located(expression: .string(text), range: token.range)
        case .symbol where token.text == "(":
            try descend(at: token)
            defer { nesting -= 1 }
            cursor.advance()
            let inner = try disjunction()
            guard cursor.current.isSymbol(")") else { throw expected(.closing(")")) }
            let close = cursor.advance().range
            return Located(expression: inner.expression, range: token.range.union(close), depth: inner.depth)
        case .word where token.isKeyword("has") || token.isKeyword("predicted"):
            cursor.advance()
            let name = try word(.className, stoppingAt: [")"])
            let expression: QueryExpression = token.isKeyword("has") ? .has(name) : .predicted(name)
            return Located(expression: expression, range: token.range.union(name.range ?? token.range))
        case .word where !["and", "or", "not"].contains(token.text.lowercased()):
            let parsed = try reference()
            return Located(expression: .reference(parsed), range: parsed.range ?? token.range)
        default:
            throw expected(.value)
        }
    }

    /// Words that end a class name written after a dot: the predicate's and clauses' keywords.
    private static let classStoppers: Set<String> = ["and", "or", "not", "sort", "limit", "asc", "desc", "where", "boxes"]

    /// `FN.dining table > 1`: a reference whose class came after a dot, followed by more words
    /// and then a comparison, read as a class with spaces; the diagnostic suggests the condition
    /// in brackets, keeping the operator and the value (`FN["dining table"] > 1`).
    private func spacedClass(after lhs: Located) -> Diagnostic? {
        guard case .reference(let reference) = lhs.expression, let className = reference.className,
              !className.isQuoted, cursor.current.kind == .word, cursor.current.isSpaced
        else { return nil }
        var words = [className.text]
        var ahead = 0
        while cursor.peek(ahead).kind == .word, !Self.classStoppers.contains(cursor.peek(ahead).text.lowercased()) {
            words.append(cursor.peek(ahead).text)
            ahead += 1
        }
        guard ahead > 0 else { return nil }
        // Without a comparison (`where FN.dining table`), the condition a count usually means.
        let op = cursor.peek(ahead)
        let compares = comparisonOperator(op) != nil
        guard compares || op.endsStatement || op.kind == .word else { return nil }
        let name = words.joined(separator: " ")
        var suggestion = ClassLookup.bracketed(reference, className: name) + " " + (compares ? op.text : "> 0")
        if compares { suggestion += Self.valueText(cursor.peek(ahead + 1), cursor.peek(ahead + 2)) }
        let start = lhs.range.start
        let range = SourceRange(start: start, end: cursor.peek(ahead - 1).range.end)
        return Diagnostic(.spacedClass(cursor.text(range), suggestion: suggestion), at: range)
    }

    /// The value after a comparison as the user wrote it (` 1`, ` -2`, ` "x"`), or nothing.
    private static func valueText(_ value: Token, _ next: Token) -> String {
        switch value.kind {
        case .number, .word, .string: return " " + value.text
        case .symbol where value.text == "-": if case .number = next.kind { return " -" + next.text }
        default: break
        }
        return ""
    }

    private func comparisonOperator(_ token: Token) -> ComparisonOperator? {
        guard token.kind == .symbol else { return nil }
        return token.text == "==" ? .equal : ComparisonOperator(rawValue: token.text)
    }

    private func isFilename(_ expression: QueryExpression) -> Bool {
        guard case .reference(let reference) = expression else { return false }
        return reference.qualifier == nil && reference.className == nil && reference.name.text.lowercased() == "filename"
    }

    private func requireCondition(_ parsed: Located) throws(Diagnostic) {
        guard parsed.expression.isCondition else {
            throw Diagnostic(.notACondition(cursor.text(parsed.range)), at: parsed.range)
        }
    }

    private func requireValue(_ parsed: Located) throws(Diagnostic) {
        guard !parsed.expression.isCondition else {
            throw Diagnostic(.notAValue(cursor.text(parsed.range)), at: parsed.range)
        }
    }
}
