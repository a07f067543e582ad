import Foundation

/// Byte-level access to JSON text without decoding it.
///
/// A log's `data` is cut out of Picsellia's answer as the exact bytes the server sent, so the
/// key order of `metrics` and number spellings like `9.0` survive a pull; decoding with
/// `JSONSerialization` and re-encoding would lose both.
enum RawJSON {
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }

    /// The bytes of the value of `key` in the top-level object of `json`, or `nil` when the
    /// text is not an object or has no such key.
    static func value(ofTopLevelKey key: String, in json: Data) -> Data? {
        let bytes = [UInt8](json)
        var index = skipWhitespace(bytes, 0)
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        let wanted = Array(key.utf8)
        while true {
            index = skipWhitespace(bytes, index)
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            guard let keyEnd = endOfString(bytes, index) else { return nil }
            let isWanted = decodedKey(bytes[(index + 1)..<(keyEnd - 1)]) == wanted
            index = skipWhitespace(bytes, keyEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
            let valueStart = skipWhitespace(bytes, index + 1)
            guard let valueEnd = endOfValue(bytes, valueStart) else { return nil }
            if isWanted { return Data(bytes[valueStart..<valueEnd]) }
            index = skipWhitespace(bytes, valueEnd)
            guard index < bytes.count, bytes[index] == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }

    private static func skipWhitespace(_ bytes: [UInt8], _ start: Int) -> Int {
        var index = start
        while index < bytes.count, isWhitespace(bytes[index]) { index += 1 }
        return index
    }

    /// Given the index of an opening quote, the index just past the closing one.
    private static func endOfString(_ bytes: [UInt8], _ start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\\"): index += 2
            case UInt8(ascii: "\""): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    /// The index just past the value starting at `start`: a string, a nested object or array
    /// (matched bracket by bracket, skipping strings), or a scalar up to the next delimiter.
    private static func endOfValue(_ bytes: [UInt8], _ start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        switch bytes[start] {
        case UInt8(ascii: "\""):
            return endOfString(bytes, start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var index = start
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    guard let end = endOfString(bytes, index) else { return nil }
                    index = end
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return index + 1 }
                default: break
                }
                index += 1
            }
            return nil
        default:
            var index = start
            while index < bytes.count, !isWhitespace(bytes[index]),
                ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(bytes[index])
            {
                index += 1
            }
            return index > start ? index : nil
        }
    }

    /// Key bytes with JSON escapes resolved, so `"d\u0061ta"` still names `data`.
    private static func decodedKey(_ raw: ArraySlice<UInt8>) -> [UInt8]? {
        guard raw.contains(UInt8(ascii: "\\")) else { return Array(raw) }
        let quoted = Data([UInt8(ascii: "\"")] + raw + [UInt8(ascii: "\"")])
        guard let key = try? JSONDecoder().decode(String.self, from: quoted) else { return nil }
        return Array(key.utf8)
    }
}
