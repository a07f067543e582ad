extension JSONScanner {
    /// Reads `[x, y, width, height]`, saying how many numbers were there when it is not four.
    mutating func readBox() throws -> (Double, Double, Double, Double) {
        try enterArray()
        var values = (0.0, 0.0, 0.0, 0.0)
        var found = 0
        while try nextElement() {
            let number = try within(.index(found)) { try readNumber() }
            switch found {
            case 0: values.0 = number
            case 1: values.1 = number
            case 2: values.2 = number
            case 3: values.3 = number
            default: break
            }
            found += 1
        }
        guard found == 4 else {
            throw JSONScanError.shape("expected 4 numbers [x, y, width, height], found \(found)", at: position)
        }
        return values
    }

    /// Reads an id: a number with an integral value (`42` or `42.0`).
    mutating func readId() throws -> Int {
        let value = try readNumber()
        guard value.rounded() == value, abs(value) < 9.0e15 else {
            throw JSONScanError.shape("expected an integer id, found \(value)", at: position)
        }
        return Int(value)
    }

    /// Reads a COCO flag (`iscrowd`, `ignore`): `0`/`1` or `false`/`true`.
    mutating func readFlag() throws -> Bool {
        let byte = peek()
        if byte == UInt8(ascii: "t") || byte == UInt8(ascii: "f") { return try readBool() }
        return try readNumber() != 0
    }
}

/// A shape error for a required key that an object lacks.
func missingKey(_ key: String, at offset: Int) -> JSONScanError {
    .shape("missing key \"\(key)\"", at: offset)
}
