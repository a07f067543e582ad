/// A number's syntax, checked and split into a decimal significand and exponent.
struct ScannedNumber {
    /// Offset of the first byte (the sign or first digit), where `strtod` would start.
    var start: Int
    var negative: Bool
    /// Up to 19 significant digits; `truncated` when the literal has more.
    var significand: UInt64
    var exponent: Int
    var truncated: Bool
    /// Set for Python's `NaN`, `Infinity` and `-Infinity` literals.
    var special: Double?
}

extension JSONScanner {
    /// Reads a number as the double nearest to its decimal value (what Python's `float()` gives).
    mutating func readNumber() throws(JSONScanError) -> Double {
        let byte = peek()
        guard byte == UInt8(ascii: "-") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "N") || byte == UInt8(ascii: "I")
        else { throw typeMismatch(expected: "a number") }
        let scanned = try scanNumber()
        return DecimalToDouble.convert(scanned, text: base)
    }

    /// Checks the JSON number grammar `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?` (plus Python's
    /// `NaN`/`Infinity`, which `json.dumps` writes) and collects the significant digits.
    mutating func scanNumber() throws(JSONScanError) -> ScannedNumber {
        let start = position
        var index = position
        var number = ScannedNumber(
            start: start, negative: false, significand: 0, exponent: 0, truncated: false, special: nil)
        if base[index] == UInt8(ascii: "-") {
            number.negative = true
            index += 1
        }
        if base[index] == UInt8(ascii: "I") || base[index] == UInt8(ascii: "N") {
            position = index
            if base[index] == UInt8(ascii: "I") {
                try expectLiteral("Infinity")
                number.special = number.negative ? -.infinity : .infinity
            } else {
                guard !number.negative else { throw syntaxError("a digit after '-'", at: index) }
                try expectLiteral("NaN")
                number.special = .nan
            }
            return number
        }
        var digits = 0
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
        let first = base[index]
        guard isDigit(first) else { throw syntaxError("a digit", at: index) }
        if first == UInt8(ascii: "0") {
            index += 1
            if isDigit(base[index]) { throw JSONScanError.syntax("leading zero in a number", at: start) }
        } else {
            while isDigit(base[index]) {
                if digits < 19 {
                    number.significand = number.significand &* 10 &+ UInt64(base[index] &- UInt8(ascii: "0"))
                    digits += 1
                } else {
                    number.exponent += 1
                    if base[index] != UInt8(ascii: "0") { number.truncated = true }
                }
                index += 1
            }
        }
        if base[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(base[index]) else { throw syntaxError("a digit after '.'", at: index) }
            // Eight digits at a time while they all fit in the 19 kept (after the leading zeros,
            // which the loop below counts into the exponent).
            while number.significand != 0 && digits + 8 <= 19, let eight = eightDigits(at: index) {
                number.significand = number.significand &* 100_000_000 &+ eight
                number.exponent -= 8
                digits += 8
                index += 8
            }
            while isDigit(base[index]) {
                let digit = base[index] &- UInt8(ascii: "0")
                if number.significand == 0 && digit == 0 {
                    number.exponent -= 1
                } else if digits < 19 {
                    number.significand = number.significand &* 10 &+ UInt64(digit)
                    number.exponent -= 1
                    digits += 1
                } else if digit != 0 {
                    number.truncated = true
                }
                index += 1
            }
        }
        if base[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            var negativeExponent = false
            if base[index] == UInt8(ascii: "-") || base[index] == UInt8(ascii: "+") {
                negativeExponent = base[index] == UInt8(ascii: "-")
                index += 1
            }
            guard isDigit(base[index]) else { throw syntaxError("a digit in the exponent", at: index) }
            var explicit = 0
            while isDigit(base[index]) {
                if explicit < 100_000 { explicit = explicit * 10 + Int(base[index] &- UInt8(ascii: "0")) }
                index += 1
            }
            number.exponent += negativeExponent ? -explicit : explicit
        }
        position = index
        return number
    }

    /// The value of the eight ASCII digits at `index`, or nil when one of them is not a digit or
    /// they would run past the end (fast_float's `parse_eight_digits_unrolled`, little-endian).
    @inline(__always)
    private func eightDigits(at index: Int) -> UInt64? {
        guard index + 8 <= end else { return nil }
        let bytes = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
        let allDigits =
            ((bytes & 0xF0F0_F0F0_F0F0_F0F0) | (((bytes &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0) >> 4))
            == 0x3333_3333_3333_3333
        guard allDigits else { return nil }
        var value = ((bytes & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        return (((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32) & 0xFFFF_FFFF
    }
}
