extension JSONScanner {
    /// Consumes the next value, checking its syntax but building nothing (polygons, `info`…).
    mutating func skipValue() throws(JSONScanError) {
        try skipValue(depth: 0)
    }

    private mutating func skipValue(depth: Int) throws(JSONScanError) {
        switch peek() {
        case UInt8(ascii: "{"):
            guard depth < JSONScanner.maxDepth else { throw JSONScanError.syntax("JSON nested too deeply (limit \(JSONScanner.maxDepth) levels of arrays and objects)", at: position) }
            try enterObject()
            while try nextKey() != nil { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "["):
            guard depth < JSONScanner.maxDepth else { throw JSONScanError.syntax("JSON nested too deeply (limit \(JSONScanner.maxDepth) levels of arrays and objects)", at: position) }
            try enterArray()
            while try nextElement() { try skipValue(depth: depth + 1) }
        case UInt8(ascii: "\""):
            _ = try scanKey()
        case UInt8(ascii: "t"): try expectLiteral("true")
        case UInt8(ascii: "f"): try expectLiteral("false")
        case UInt8(ascii: "n"): try expectLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "N"), UInt8(ascii: "I"):
            try skipNumber()
        default:
            throw syntaxError("a value")
        }
    }
}
