extension JSONScanner {
    /// Reads a string value.
    mutating func readString() throws(JSONScanError) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw typeMismatch(expected: "a string") }
        let key = try scanKey()
        return key.string
    }

    /// Scans the string starting at the current `"`: a view of its bytes when it has no
    /// escapes (the common case), else the decoded text. UTF-8 is validated either way.
    mutating func scanKey() throws(JSONScanError) -> JSONKey {
        let open = position
        var index = open + 1
        var high: UInt64 = 0
        // Eight bytes at a time while none is a quote, a backslash, a control character or
        // non-ASCII (a word with any of them goes to the byte loop, from its first byte).
        while index + 8 <= end {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
            let special =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word) | word
            if special & highs != 0 { break }
            index += 8
        }
        while true {
            let byte = base[index]
            high |= UInt64(byte)
            if byte == UInt8(ascii: "\"") { break }
            if byte == UInt8(ascii: "\\") {
                return JSONKey(bytes: UnsafeBufferPointer(start: base, count: 0), decoded: try decodeEscapedString())
            }
            if byte < 0x20 {
                if index >= end { throw JSONScanError.syntax("unterminated string", at: open) }
                throw JSONScanError.syntax("control character in string (escape it as \\u00XX)", at: index)
            }
            index += 1
        }
        let bytes = UnsafeBufferPointer(start: base + open + 1, count: index - open - 1)
        if high & 0x80 != 0, String(validating: bytes, as: UTF8.self) == nil {
            throw JSONScanError.syntax("invalid UTF-8 in string", at: open)
        }
        position = index + 1
        return JSONKey(bytes: bytes, decoded: nil)
    }

    /// Decodes the string at `position` (its opening quote) with its escapes.
    private mutating func decodeEscapedString() throws(JSONScanError) -> String {
        let open = position
        var index = open + 1
        var utf8: [UInt8] = []
        while true {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") { break }
            if byte < 0x20 {
                if index >= end { throw JSONScanError.syntax("unterminated string", at: open) }
                throw JSONScanError.syntax("control character in string (escape it as \\u00XX)", at: index)
            }
            guard byte == UInt8(ascii: "\\") else {
                utf8.append(byte)
                index += 1
                continue
            }
            let escape = base[index + 1]
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
            case UInt8(ascii: "b"): utf8.append(0x08)
            case UInt8(ascii: "f"): utf8.append(0x0C)
            case UInt8(ascii: "n"): utf8.append(0x0A)
            case UInt8(ascii: "r"): utf8.append(0x0D)
            case UInt8(ascii: "t"): utf8.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try readUnicodeEscape(at: index)
                utf8.append(contentsOf: Array(String(Character(scalar)).utf8))
                index += scalar.value > 0xFFFF ? 12 : 6
                continue
            default:
                throw JSONScanError.syntax("invalid escape '\\\(Character(Unicode.Scalar(escape)))'", at: index)
            }
            index += 2
        }
        guard let text = String(validating: utf8, as: UTF8.self) else {
            throw JSONScanError.syntax("invalid UTF-8 in string", at: open)
        }
        position = index + 1
        return text
    }

    /// The scalar of the `\uXXXX` escape at `index`, joining a surrogate pair `\uD83D\uDE00`.
    private func readUnicodeEscape(at index: Int) throws(JSONScanError) -> Unicode.Scalar {
        let high = try hex4(at: index + 2)
        if (0xDC00...0xDFFF).contains(high) {
            throw JSONScanError.syntax("lone low surrogate \\u\(String(high, radix: 16))", at: index)
        }
        guard (0xD800...0xDBFF).contains(high) else { return Unicode.Scalar(high)! }
        guard base[index + 6] == UInt8(ascii: "\\"), base[index + 7] == UInt8(ascii: "u") else {
            throw JSONScanError.syntax("high surrogate \\u\(String(high, radix: 16)) without its low half", at: index)
        }
        let low = try hex4(at: index + 8)
        guard (0xDC00...0xDFFF).contains(low) else {
            throw JSONScanError.syntax("high surrogate \\u\(String(high, radix: 16)) without its low half", at: index)
        }
        return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
    }

    private func hex4(at index: Int) throws(JSONScanError) -> UInt32 {
        var value: UInt32 = 0
        for i in index..<(index + 4) {
            let byte = base[i]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONScanError.syntax("expected 4 hex digits after \\u", at: i)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
