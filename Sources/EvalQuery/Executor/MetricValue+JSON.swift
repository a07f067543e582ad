import EvalCore

extension MetricValue {
    /// The `metrics` entry it stores: numbers of the kind typed, words and quoted texts as
    /// JSON strings, `true`/`false` as JSON booleans.
    var json: JSONValue {
        switch self {
        case .number(let v): return .number(v)
        case .integer(let i): return .integer(i)
        case .string(let s), .word(let s): return .string(s)
        case .bool(let b): return .bool(b)
        }
    }
}
