import EvalCore

/// Writes a `JSONValue` as Python's `json.dumps` does (keys in order, `ensure_ascii`
/// escapes, floats via `PythonFloatFormat`), either on one line with `", "` and `": "`
/// separators or indented like `json.dumps(indent=2)`.
public struct JSONWriter: Sendable {
    /// Spaces per level; nil writes everything on one line.
    public var indent: Int?
    /// Non-ASCII characters escaped as `\uXXXX` (`ensure_ascii=True`, as the Picsellia SDK
    /// writes payloads); false writes them as UTF-8 (`ensure_ascii=False`, for people to read).
    public var asciiOnly: Bool

    public init(indent: Int? = nil, asciiOnly: Bool = true) {
        self.indent = indent
        self.asciiOnly = asciiOnly
    }

    public func bytes(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        write(value, level: 0, into: &out)
        return out
    }

    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    private func write(_ value: JSONValue, level: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let number): out += Array(PythonFloatFormat.string(number).utf8)
        case .integer(let integer): out += Array(String(integer).utf8)
        case .string(let text): JSONWriter.writeString(text, asciiOnly: asciiOnly, into: &out)
        case .array(let elements):
            writeContainer(open: "[", close: "]", count: elements.count, level: level, into: &out) { index, out in
                write(elements[index], level: level + 1, into: &out)
            }
        case .object(let members):
            writeContainer(open: "{", close: "}", count: members.count, level: level, into: &out) { index, out in
                JSONWriter.writeString(members[index].key, asciiOnly: asciiOnly, into: &out)
                out += Array(": ".utf8)
                write(members[index].value, level: level + 1, into: &out)
            }
        }
    }

    private func writeContainer(
        open: Unicode.Scalar, close: Unicode.Scalar, count: Int, level: Int, into out: inout [UInt8],
        element: (Int, inout [UInt8]) -> Void
    ) {
        out.append(UInt8(ascii: open))
        if count > 0 {
            for index in 0..<count {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                if let indent {
                    out.append(0x0A)
                    out += repeatElement(UInt8(ascii: " "), count: indent * (level + 1))
                } else if index > 0 {
                    out.append(UInt8(ascii: " "))
                }
                element(index, &out)
            }
            if let indent {
                out.append(0x0A)
                out += repeatElement(UInt8(ascii: " "), count: indent * level)
            }
        }
        out.append(UInt8(ascii: close))
    }

    /// A string literal with Python's escaping: with `asciiOnly` (`ensure_ascii=True`) every
    /// character outside space…tilde as `\uXXXX` (UTF-16 units); without, only quotes,
    /// backslashes and control characters are escaped and the rest is UTF-8.
    static func writeString(_ text: String, asciiOnly: Bool = true, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += Array("\\\"".utf8)
            case 0x5C: out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x08: out += Array("\\b".utf8)
            case 0x0C: out += Array("\\f".utf8)
            case 0x20..<0x7F: out.append(UInt8(scalar.value))
            case 0x7F... where !asciiOnly: out += Array(String(scalar).utf8)
            default:
                for unit in String(scalar).utf16 {
                    let hex = String(unit, radix: 16)
                    out += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
