/// A forward-only pull scanner over JSON bytes: the readers ask for the next key, element,
/// number or string, and skip what they do not need without building it.
///
/// The bytes must be followed by a NUL (see `SourceBytes`), so peeking at `end` is safe.
/// Containers are walked with `enterObject()` + `nextKey()` and `enterArray()` +
/// `nextElement()`. One `justOpened` flag is enough for any nesting: a nested container's
/// first `nextKey`/`nextElement` clears it before control returns to the outer loop.
struct JSONScanner {
    let base: UnsafePointer<UInt8>
    let end: Int
    var position: Int
    private var justOpened = false
    static let maxDepth = 512

    init(_ buffer: UnsafeBufferPointer<UInt8>, from position: Int = 0) {
        base = buffer.baseAddress!
        end = buffer.count
        self.position = position
    }

    // MARK: Bytes

    /// Skips whitespace and returns the next byte (0 at the end).
    @inline(__always)
    mutating func peek() -> UInt8 {
        var byte = base[position]
        while byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            position += 1
            byte = base[position]
        }
        return byte
    }

    /// A readable name for the byte at `offset`, for "expected …, found …" messages.
    func describeByte(at offset: Int) -> String {
        guard offset < end else { return "end of file" }
        let byte = base[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(String(byte, radix: 16, uppercase: true))"
    }

    func syntaxError(_ expected: String, at offset: Int? = nil) -> JSONScanError {
        let offset = offset ?? position
        return .syntax("expected \(expected), found \(describeByte(at: offset))", at: offset)
    }

    /// The kind of the next value, as "expected …, found a string" messages name it.
    mutating func nextValueName() -> String {
        switch peek() {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "N"), UInt8(ascii: "I"):
            return "a number"
        default: return describeByte(at: position)
        }
    }

    /// A shape error for a value that is not what the reader expects; the value is not consumed.
    mutating func typeMismatch(expected: String) -> JSONScanError {
        let found = nextValueName()
        return .shape("expected \(expected), found \(found)", at: position)
    }

    // MARK: Containers

    mutating func enterObject() throws(JSONScanError) {
        guard peek() == UInt8(ascii: "{") else { throw typeMismatch(expected: "an object") }
        position += 1
        justOpened = true
    }

    mutating func enterArray() throws(JSONScanError) {
        guard peek() == UInt8(ascii: "[") else { throw typeMismatch(expected: "an array") }
        position += 1
        justOpened = true
    }

    /// The next member's key, with its `:` consumed; nil after the closing `}`.
    mutating func nextKey() throws(JSONScanError) -> JSONKey? {
        var byte = peek()
        if justOpened {
            justOpened = false
            if byte == UInt8(ascii: "}") {
                position += 1
                return nil
            }
        } else {
            if byte == UInt8(ascii: "}") {
                position += 1
                return nil
            }
            guard byte == UInt8(ascii: ",") else { throw syntaxError("',' or '}'") }
            position += 1
            byte = peek()
        }
        guard byte == UInt8(ascii: "\"") else { throw syntaxError("a string key") }
        let key = try scanKey()
        guard peek() == UInt8(ascii: ":") else { throw syntaxError("':'") }
        position += 1
        return key
    }

    /// True when another element follows (its `,` consumed); false after the closing `]`.
    mutating func nextElement() throws(JSONScanError) -> Bool {
        let byte = peek()
        if justOpened {
            justOpened = false
            if byte == UInt8(ascii: "]") {
                position += 1
                return false
            }
            return true
        }
        if byte == UInt8(ascii: "]") {
            position += 1
            return false
        }
        guard byte == UInt8(ascii: ",") else { throw syntaxError("',' or ']'") }
        position += 1
        return true
    }

    /// Requires that only whitespace remains.
    mutating func expectEnd() throws(JSONScanError) {
        _ = peek()
        guard position >= end else { throw syntaxError("end of file after the top-level value") }
    }

    // MARK: Scalars

    mutating func readBool() throws(JSONScanError) -> Bool {
        switch peek() {
        case UInt8(ascii: "t"):
            try expectLiteral("true")
            return true
        case UInt8(ascii: "f"):
            try expectLiteral("false")
            return false
        default:
            throw typeMismatch(expected: "a boolean")
        }
    }

    /// True if the next value is `null`, which is then consumed.
    mutating func readNullIfPresent() throws(JSONScanError) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        try expectLiteral("null")
        return true
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONScanError) {
        let start = position
        let count = literal.utf8CodeUnitCount
        for i in 0..<count where base[start + i] != literal.utf8Start[i] {
            throw syntaxError("'\(literal)'", at: start + i)
        }
        position += count
    }
}
