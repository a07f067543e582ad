/// Prints an expression as query text that parses back to the same expression, with only the
/// parentheses precedence requires; the executor uses it as a title (`where FP + FN > 3`).
extension QueryExpression: CustomStringConvertible {
    public var description: String {
        switch self {
        case .number(let value):
            return Self.format(value)
        case .string(let text):
            return Name(text).quoted
        case .reference(let reference):
            return reference.description
        case .negate(let operand):
            return "-" + operand.printed(atLeast: precedence)
        case .arithmetic(let op, let lhs, let rhs):
            return "\(lhs.printed(atLeast: precedence)) \(op.rawValue) \(rhs.printed(atLeast: precedence + 1))"
        case .comparison(let op, let lhs, let rhs):
            return "\(lhs.printed(atLeast: precedence + 1)) \(op.rawValue) \(rhs.printed(atLeast: precedence + 1))"
        case .and(let lhs, let rhs):
            return "\(lhs.printed(atLeast: precedence)) and \(rhs.printed(atLeast: precedence + 1))"
        case .or(let lhs, let rhs):
            return "\(lhs.printed(atLeast: precedence)) or \(rhs.printed(atLeast: precedence + 1))"
        case .not(let operand):
            return "not " + operand.printed(atLeast: precedence)
        case .has(let name):
            return "has \(name.quotedIfNeeded)"
        case .predicted(let name):
            return "predicted \(name.quotedIfNeeded)"
        }
    }

    /// Binding strength, loosest first, mirroring the grammar's levels.
    private var precedence: Int {
        switch self {
        case .or: return 1
        case .and: return 2
        case .not: return 3
        case .comparison: return 4
        case .arithmetic(let op, _, _): return op == .add || op == .subtract ? 5 : 6
        case .negate: return 7
        case .number, .string, .reference, .has, .predicted: return 8
        }
    }

    private func printed(atLeast level: Int) -> String {
        precedence >= level ? description : "(\(description))"
    }

    private static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
