/// A predicate or a numeric expression: the argument of `where`, `exclude where` and `assert`.
///
/// The parser checks the shape (a `where` holds a condition, `+` adds values, `and` joins
/// conditions); the executor resolves references and class names.
public indirect enum QueryExpression: Hashable, Sendable {
    case number(Double)
    /// A quoted text or, after `~` or `filename =`, a bare word: `"*_d_*"`, `a.jpg`.
    case string(String)
    case reference(Reference)
    /// `-x`.
    case negate(QueryExpression)
    case arithmetic(ArithmeticOperator, QueryExpression, QueryExpression)
    case comparison(ComparisonOperator, QueryExpression, QueryExpression)
    case and(QueryExpression, QueryExpression)
    case or(QueryExpression, QueryExpression)
    case not(QueryExpression)
    /// `has CLASS`: the image holds ground truth of the class.
    case has(Name)
    /// `predicted CLASS`: the image holds a kept prediction of the class.
    case predicted(Name)

    /// True for expressions that are true or false (as opposed to numbers and texts).
    public var isCondition: Bool {
        switch self {
        case .comparison, .and, .or, .not, .has, .predicted: return true
        case .number, .string, .reference, .negate, .arithmetic: return false
        }
    }
}

/// `+ - * /` on numeric values.
public enum ArithmeticOperator: String, Hashable, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
}

/// `= != < <= > >=` and `~` (a glob match of a text, `filename ~ "*_d_*"`).
public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case matches = "~"
}
