import EvalCore
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
    /// one line with `json.dumps`'s `", "` and `": "` separators when `indent` is nil.
    func serialized(indent: Int? = 2) -> String {
        var out = ""
        write(into: &out, indent: indent, level: 0)
        return out
    }

    private func write(into out: inout String, indent: Int?, level: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d): out += NumberText.python(d)
        case .string(let s): JSONNode.writeString(s, into: &out)
        case .array(let items):
            guard !items.isEmpty else { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                JSONNode.newline(&out, indent: indent, level: level + 1, first: i == 0)
                item.write(into: &out, indent: indent, level: level + 1)
            }
            JSONNode.closing(&out, indent: indent, level: level)
            out += "]"
        case .object(let pairs):
            guard !pairs.isEmpty else { out += "{}"; return }
            out += "{"
            for (i, pair) in pairs.enumerated() {
                if i > 0 { out += "," }
                JSONNode.newline(&out, indent: indent, level: level + 1, first: i == 0)
                JSONNode.writeString(pair.0, into: &out)
                out += ": "
                pair.1.write(into: &out, indent: indent, level: level + 1)
            }
            JSONNode.closing(&out, indent: indent, level: level)
            out += "}"
        }
    }

    private static func newline(_ out: inout String, indent: Int?, level: Int, first: Bool) {
        if let indent {
            out += "\n" + String(repeating: " ", count: indent * level)
        } else if !first {
            out += " "
        }
    }

    private static func closing(_ out: inout String, indent: Int?, level: Int) {
        if let indent { out += "\n" + String(repeating: " ", count: indent * level) }
    }

    /// A JSON string literal; non-ASCII characters are written as themselves (UTF-8).
    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
