import EvalCore
import EvalFormats
import EvalQuery

/// A JSON document as evalsh writes it. Unlike `JSONValue`, it tells integers (`9`) from
/// floats (`9.0`), as Python's `json.dumps` does for counts and fractions.
indirect enum JSONNode: Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONNode])
    case object([(String, JSONNode)])

    static func == (lhs: JSONNode, rhs: JSONNode) -> Bool {
        lhs.serialized(indent: nil) == rhs.serialized(indent: nil)
    }

    /// A read value as is: its numbers are floats.
    init(_ value: JSONValue) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .number(let d): self = .double(d)
        case .integer(let i): self = .int(i)
        case .string(let s): self = .string(s)
        case .array(let a): self = .array(a.map(JSONNode.init))
        case .object(let pairs): self = .object(pairs.map { ($0.key, JSONNode($0.value)) })
        }
    }

    /// A table cell: a percentage is its fraction.
    init(_ cell: Cell) {
        switch cell {
        case .null: self = .null
        case .int(let i): self = .int(i)
        case .double(let d), .percent(let d): self = .double(d)
        case .change(let d, _, let whole): self = whole ? .int(Int(d)) : .double(d)
        case .string(let s): self = .string(s)
        case .bool(let b): self = .bool(b)
        }
    }

    static func optional(_ value: Double?) -> JSONNode { value.map(JSONNode.double) ?? .null }

    /// The text, indented by `indent` spaces per level like `json.dumps(indent=2)`, or on
    /// one line with `json.dumps`'s `", "` and `": "` separators when `indent` is nil; non-ASCII
    /// characters as themselves (`ensure_ascii=False`), for people to read.
    func serialized(indent: Int? = 2) -> String {
        JSONWriter(indent: indent, asciiOnly: false).string(value)
    }

    /// The same document as a `JSONValue`: integers stay integers.
    var value: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .integer(i)
        case .double(let d): return .number(d)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(\.value))
        case .object(let pairs): return .object(pairs.map { (key: $0.0, value: $0.1.value) })
        }
    }
}
