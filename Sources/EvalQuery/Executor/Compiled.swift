#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An expression checked and resolved against the workspace: a function of a row (an image
/// index, or nothing for `assert`), typed as number, text or condition.
///
/// Resolving once and evaluating per row keeps `where` over 5,000 images a loop of closures,
/// and reports an unknown class or a type mismatch even when no row would reach it.
enum Compiled {
    case number((Int) -> Double)
    case text((Int) -> String)
    case condition((Int) -> Bool)

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
            return .number { -f($0) }
        case .arithmetic(let op, let lhs, let rhs):
            let a = try number(lhs, resolver), b = try number(rhs, resolver)
            switch op {
            case .add: return .number { a($0) + b($0) }
            case .subtract: return .number { a($0) - b($0) }
            case .multiply: return .number { a($0) * b($0) }
            case .divide: return .number { a($0) / b($0) }
            }
        case .comparison(let op, let lhs, let rhs):
            return try comparison(op, lhs, rhs, resolver)
        case .and(let lhs, let rhs):
            let a = try condition(lhs, resolver), b = try condition(rhs, resolver)
            return .condition { a($0) && b($0) }
        case .or(let lhs, let rhs):
            let a = try condition(lhs, resolver), b = try condition(rhs, resolver)
            return .condition { a($0) || b($0) }
        case .not(let operand):
            let a = try condition(operand, resolver)
            return .condition { !a($0) }
        }
    }

    static func condition(_ e: QueryExpression, _ resolver: some ReferenceResolver) throws(ExecutionError) -> (Int) -> Bool {
        let compiled = try compile(e, resolver)
        guard case .condition(let f) = compiled else {
            throw .typeMismatch("'\(e)' is \(compiled.typeName), not a condition", at: range(of: e))
        }
        return f
    }

    static func number(_ e: QueryExpression, _ resolver: some ReferenceResolver) throws(ExecutionError) -> (Int) -> Double {
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
            return .condition { test(x($0), y($0)) }
        case (.text(let x), .text(let y)):
            switch op {
            case .equal: return .condition { x($0) == y($0) }
            case .notEqual: return .condition { x($0) != y($0) }
            case .matches: return .condition { glob(y($0), x($0)) }
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
