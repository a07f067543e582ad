#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An expression checked and resolved against the workspace: a function of a row (an image
/// index, or nothing for `assert`), typed as number, text or condition.
///
/// Resolving once and evaluating per row keeps `where` over 5,000 images a loop of closures,
/// and reports an unknown class or a type mismatch even when no row would reach it. Evaluating
/// throws when arithmetic leaves the finite numbers (a division by zero, NaN, ±infinity), so
/// that such a value never makes a condition true or false.
enum Compiled {
    case number((Int) throws(ExecutionError) -> Double)
    case text((Int) throws(ExecutionError) -> String)
    case condition((Int) throws(ExecutionError) -> Bool)

    var typeName: String {
        switch self {
        case .number: return "a number"
        case .text: return "a text"
        case .condition: return "a condition"
        }
    }
}

/// Turns a name in an expression into a compiled value; each statement kind resolves names its
/// own way (image fields for `where`, statistics for `assert`, both sides for `compare`).
protocol ReferenceResolver {
    func resolve(_ reference: Reference) throws(ExecutionError) -> Compiled
    /// `has CLASS`.
    func has(_ name: Name) throws(ExecutionError) -> Compiled
    /// `predicted CLASS`.
    func predicted(_ name: Name) throws(ExecutionError) -> Compiled
    /// Names row `row` in a message (` for image a.jpg`), or nothing when rows are not images.
    func rowText(_ row: Int) throws(ExecutionError) -> String
}

extension ReferenceResolver {
    func rowText(_ row: Int) throws(ExecutionError) -> String { "" }
}

enum ExpressionCompiler {
    static func compile(_ expression: QueryExpression, _ resolver: some ReferenceResolver) throws(ExecutionError) -> Compiled {
        switch expression {
        case .number(let value):
            return .number { _ in value }
        case .string(let text):
            return .text { _ in text }
        case .reference(let reference):
            return try resolver.resolve(reference)
        case .has(let name):
            return try resolver.has(name)
        case .predicted(let name):
            return try resolver.predicted(name)
        case .negate(let operand):
            let f = try number(operand, resolver)
            return .number { (i: Int) throws(ExecutionError) in try -f(i) }
        case .arithmetic(let op, let lhs, let rhs):
            let a = try number(lhs, resolver), b = try number(rhs, resolver)
            let combine: (Double, Double) -> Double
            switch op {
            case .add: combine = { $0 + $1 }
            case .subtract: combine = { $0 - $1 }
            case .multiply: combine = { $0 * $1 }
            case .divide: combine = { $0 / $1 }
            }
            return .number { (i: Int) throws(ExecutionError) in
                let x = try a(i), y = try b(i)
                if op == .divide, y == 0 {
                    throw .invalidValue("division by zero in '\(expression)'\(try resolver.rowText(i))", at: range(of: expression))
                }
                let value = combine(x, y)
                guard value.isFinite else {
                    throw .invalidValue(
                        "'\(expression)' is not a finite number (\(value))\(try resolver.rowText(i))", at: range(of: expression))
                }
                return value
            }
        case .comparison(let op, let lhs, let rhs):
            return try comparison(op, lhs, rhs, resolver)
        case .and(let lhs, let rhs):
            let a = try condition(lhs, resolver), b = try condition(rhs, resolver)
            return .condition { (i: Int) throws(ExecutionError) in
                guard try a(i) else { return false }
                return try b(i)
            }
        case .or(let lhs, let rhs):
            let a = try condition(lhs, resolver), b = try condition(rhs, resolver)
            return .condition { (i: Int) throws(ExecutionError) in
                if try a(i) { return true }
                return try b(i)
            }
        case .not(let operand):
            let a = try condition(operand, resolver)
            return .condition { (i: Int) throws(ExecutionError) in try !a(i) }
        }
    }

    static func condition(
        _ e: QueryExpression, _ resolver: some ReferenceResolver
    ) throws(ExecutionError) -> (Int) throws(ExecutionError) -> Bool {
        let compiled = try compile(e, resolver)
        guard case .condition(let f) = compiled else {
            throw .typeMismatch("'\(e)' is \(compiled.typeName), not a condition", at: range(of: e))
        }
        return f
    }

    static func number(
        _ e: QueryExpression, _ resolver: some ReferenceResolver
    ) throws(ExecutionError) -> (Int) throws(ExecutionError) -> Double {
        let compiled = try compile(e, resolver)
        guard case .number(let f) = compiled else {
            throw .typeMismatch("'\(e)' is \(compiled.typeName), not a number", at: range(of: e))
        }
        return f
    }

    private static func comparison(
        _ op: ComparisonOperator, _ lhs: QueryExpression, _ rhs: QueryExpression, _ resolver: some ReferenceResolver
    ) throws(ExecutionError) -> Compiled {
        let a = try compile(lhs, resolver), b = try compile(rhs, resolver)
        switch (a, b) {
        case (.number(let x), .number(let y)):
            guard let test = numeric(op) else {
                throw .typeMismatch("'~' matches a text against a pattern, not numbers", at: range(of: lhs))
            }
            return .condition { (i: Int) throws(ExecutionError) in
                let a = try x(i), b = try y(i)
                for (side, value) in [(lhs, a), (rhs, b)] where !value.isFinite {
                    throw .invalidValue(
                        "'\(side)' is not a finite number (\(value))\(try resolver.rowText(i)); "
                            + "a comparison with it is neither true nor false", at: range(of: side) ?? range(of: lhs))
                }
                return test(a, b)
            }
        case (.text(let x), .text(let y)):
            switch op {
            case .equal: return .condition { (i: Int) throws(ExecutionError) in try x(i) == y(i) }
            case .notEqual: return .condition { (i: Int) throws(ExecutionError) in try x(i) != y(i) }
            case .matches: return .condition { (i: Int) throws(ExecutionError) in try glob(y(i), x(i)) }
            default:
                throw .typeMismatch("texts compare with =, != or ~, not \(op.rawValue)", at: range(of: lhs))
            }
        default:
            throw .typeMismatch(
                "cannot compare \(a.typeName) ('\(lhs)') with \(b.typeName) ('\(rhs)')", at: range(of: lhs))
        }
    }

    private static func numeric(_ op: ComparisonOperator) -> ((Double, Double) -> Bool)? {
        switch op {
        case .equal: return { $0 == $1 }
        case .notEqual: return { $0 != $1 }
        case .less: return { $0 < $1 }
        case .lessOrEqual: return { $0 <= $1 }
        case .greater: return { $0 > $1 }
        case .greaterOrEqual: return { $0 >= $1 }
        case .matches: return nil
        }
    }

    /// The rows for which `test` holds, in order; the first row it throws on ends the filter.
    static func filter(_ rows: [Int], _ test: (Int) throws(ExecutionError) -> Bool) throws(ExecutionError) -> [Int] {
        var kept: [Int] = []
        for row in rows where try test(row) { kept.append(row) }
        return kept
    }

    /// Shell-style glob (`*`, `?`, `[...]`) over the whole text.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        fnmatch(pattern, text, 0) == 0
    }

    /// The first reference's place in an expression, for the caret of a type error.
    static func range(of e: QueryExpression) -> SourceRange? {
        switch e {
        case .reference(let r): return r.range
        case .has(let n), .predicted(let n): return n.range
        case .number, .string: return nil
        case .negate(let a), .not(let a): return range(of: a)
        case .arithmetic(_, let a, let b), .comparison(_, let a, let b), .and(let a, let b), .or(let a, let b):
            // From the first name to the last: the caret spans the whole condition it is about.
            switch (range(of: a), range(of: b)) {
            case (let l?, let r?): return SourceRange(start: l.start, end: r.end)
            case (let l, let r): return l ?? r
            }
        }
    }
}
