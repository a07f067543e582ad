extension JSONScanner {
    /// Reads `[x, y, width, height]`, saying how many numbers were there when it is not four.
    mutating func readBox() throws(JSONScanError) -> (Double, Double, Double, Double) {
        try enterArray()
        var values = (0.0, 0.0, 0.0, 0.0)
        var found = 0
        while try nextElement() {
            let number = try within(.index(found)) { () throws(JSONScanError) in try readFiniteNumber() }
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
        guard values.2 > 0, values.3 > 0 else {
            throw JSONScanError.shape(
                "a box needs a positive width and height, found width \(values.2) and height \(values.3)", at: position)
        }
        return values
    }

    /// Reads a number that must be finite: Python's `NaN` and `Infinity` (which `json.dumps`
    /// writes but JSON does not allow) and literals beyond a double's range (`1e400`) are
    /// refused where they stand, never used as values.
    mutating func readFiniteNumber() throws(JSONScanError) -> Double {
        let start = position
        let value = try readNumber()
        guard value.isFinite else {
            let literal = value.isNaN ? "NaN" : "a number beyond a double's range (\(value))"
            throw JSONScanError.shape("expected a finite number, found \(literal)", at: start)
        }
        return value
    }

    /// Reads a detection's score: a finite number in [0, 1].
    mutating func readScore() throws(JSONScanError) -> Double {
        let start = position
        let value = try readFiniteNumber()
        guard value >= 0, value <= 1 else {
            throw JSONScanError.shape("a score is between 0 and 1, found \(value)", at: start)
        }
        return value
    }

    /// Reads an annotation's area: a finite number, not negative.
    mutating func readArea() throws(JSONScanError) -> Double {
        let start = position
        let value = try readFiniteNumber()
        guard value >= 0 else { throw JSONScanError.shape("an area cannot be negative, found \(value)", at: start) }
        return value
    }

    /// Reads an id: a number with an integral value (`42` or `42.0`).
    mutating func readId() throws(JSONScanError) -> Int {
        let value = try readNumber()
        guard value.rounded() == value, abs(value) < 9.0e15 else {
            throw JSONScanError.shape("expected an integer id, found \(value)", at: position)
        }
        return Int(value)
    }

    /// Reads a COCO flag (`iscrowd`, `ignore`): `0`/`1` or `false`/`true`.
    mutating func readFlag() throws(JSONScanError) -> Bool {
        let byte = peek()
        if byte == UInt8(ascii: "t") || byte == UInt8(ascii: "f") { return try readBool() }
        let start = position
        let value = try readNumber()
        guard value == 0 || value == 1 else {
            throw JSONScanError.shape("expected 0 or 1 (or false/true), found \(value.isNaN ? "NaN" : "\(value)")", at: start)
        }
        return value == 1
    }
}

/// A shape error for a required key that an object lacks.
func missingKey(_ key: String, at offset: Int) -> JSONScanError {
    .shape("missing key \"\(key)\"", at: offset)
}
