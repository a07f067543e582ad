import EvalCore

/// Parses a whole document into a `JSONValue` (object keys in file order), for the small
/// documents: Picsellia payloads, REST answers, `expected.json`.
public enum JSONValueParser {
    public static func parse(_ source: SourceBytes) throws(FormatError) -> JSONValue {
        do throws(JSONScanError) {
            var scanner = JSONScanner(source.buffer)
            let value = try scanner.readValue()
            try scanner.expectEnd()
            return value
        } catch {
            throw error.formatError(in: source)
        }
    }

    public static func parse(path: String) throws(FormatError) -> JSONValue {
        try parse(SourceBytes(path: path, json: true))
    }

    public static func parse(bytes: some Collection<UInt8>, name: String) throws(FormatError) -> JSONValue {
        try parse(SourceBytes(bytes: bytes, name: name))
    }
}

extension JSONScanner {
    /// Reads the next value into a `JSONValue`.
    mutating func readValue(depth: Int = 0) throws(JSONScanError) -> JSONValue {
        switch peek() {
        case UInt8(ascii: "{"):
            guard depth < JSONScanner.maxDepth else { throw JSONScanError.syntax("JSON nested too deeply (limit \(JSONScanner.maxDepth) levels of arrays and objects)", at: position) }
            try enterObject()
            var members: [(key: String, value: JSONValue)] = []
            while let key = try nextKey() {
                members.append((key.string, try readValue(depth: depth + 1)))
            }
            return .object(members)
        case UInt8(ascii: "["):
            guard depth < JSONScanner.maxDepth else { throw JSONScanError.syntax("JSON nested too deeply (limit \(JSONScanner.maxDepth) levels of arrays and objects)", at: position) }
            try enterArray()
            var elements: [JSONValue] = []
            while try nextElement() { elements.append(try readValue(depth: depth + 1)) }
            return .array(elements)
        case UInt8(ascii: "\""):
            return .string(try readString())
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            return .bool(try readBool())
        case UInt8(ascii: "n"):
            try expectLiteral("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "N"), UInt8(ascii: "I"):
            let start = position
            let value = try readNumber()
            let integral = (start..<position).allSatisfy { base[$0] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(base[$0]) }
            // `-0` stays a float: an integer would lose its sign.
            let exact = integral && abs(value) < 9.0e15 && !(value == 0 && value.sign == .minus)
            return exact ? .integer(Int(value)) : .number(value)
        default:
            throw syntaxError("a value")
        }
    }
}
