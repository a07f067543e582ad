/// What the parser was looking for when it met something else; worded for
/// "expected … after '…'" messages.
public enum Expectation: Hashable, Sendable, CustomStringConvertible {
    case statement
    case className
    /// A class name, `none` or a matrix row/column number (`cell`).
    case classOrBackground
    case filename
    case path
    case evaluationName
    /// `store:NAME`, `picsellia:…` or a file path.
    case target
    case newName
    /// A whole number (`limit`, `top`, `set rows`).
    case count
    /// `set rows`: a whole number, or `all`.
    case rowCount
    /// A number, a field, `(`, `not`, `has` or `predicted`.
    case value
    /// A condition such as `FN > 0`.
    case condition
    case field
    /// `NAME=VALUE`.
    case assignment
    /// The left side of `NAME=VALUE` in `metric`.
    case metricName
    /// The right side of `NAME=VALUE`.
    case parameterValue
    /// An operating-point parameter (`unset metric iou`).
    case parameterName
    case quotedText
    /// One of these words.
    case keywords([String])
    /// A closing `)` or `]`.
    case closing(String)

    public var description: String {
        switch self {
        case .statement: return "a statement"
        case .className: return "a class name"
        case .classOrBackground: return "a class name or 'none'"
        case .filename: return "a filename"
        case .path: return "a file path"
        case .evaluationName: return "an evaluation name"
        case .target: return "a target such as 'store:NAME', 'picsellia:ID' or a file path"
        case .newName: return "a new name"
        case .count: return "a whole number"
        case .rowCount: return "a number of rows, or 'all' (0 or 'all': no limit)"
        case .value: return "a number, a field or '('"
        case .condition: return "a condition such as 'FN > 0'"
        case .field: return "a field name"
        case .assignment: return "NAME=VALUE"
        case .metricName: return "a metric name (quote one that holds spaces or '=')"
        case .parameterValue: return "a number, a quoted text or a word"
        case .parameterName: return "a parameter name such as 'iou' or 'confidence'"
        case .quotedText: return "a quoted text"
        case .keywords(let words): return Self.alternatives(words)
        case .closing(let symbol): return "'\(symbol)'"
        }
    }

    /// `'a'`, `'a' or 'b'`, `'a', 'b' or 'c'`.
    static func alternatives(_ words: [String]) -> String {
        let quoted = words.map { "'\($0)'" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1]
    }
}
