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
    ///
    /// The common shape, `-?digits(.digits)?` with at most 19 digits after leading zeros, is read
    /// here eight fraction digits at a time; anything else (an exponent, a special, more digits,
    /// an error) is read again from its start by `scanNumberInFull`, whose result or error it is.
    @inline(__always)
    mutating func scanNumber() throws(JSONScanError) -> ScannedNumber {
        let start = position
        var index = start
        let negative = base[index] == UInt8(ascii: "-")
        if negative { index += 1 }
        let integerStart = index
        var significand: UInt64 = 0
        let first = base[index]
        if first == UInt8(ascii: "0") {
            index += 1
        } else if first &- UInt8(ascii: "1") < 9 {
            while base[index] &- UInt8(ascii: "0") < 10 {
                significand = significand &* 10 &+ UInt64(base[index] &- UInt8(ascii: "0"))
                index += 1
            }
        } else {
            return try scanNumberInFull()
        }
        let integerDigits = index - integerStart
        var fractionDigits = 0
        var leadingZeros = first == UInt8(ascii: "0") ? 1 : 0
        if base[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            if significand == 0 {
                while base[index] == UInt8(ascii: "0") { index += 1 }
                leadingZeros += index - fractionStart
            }
            while let eight = eightDigits(at: index) {
                significand = significand &* 100_000_000 &+ eight
                index += 8
            }
            while base[index] &- UInt8(ascii: "0") < 10 {
                significand = significand &* 10 &+ UInt64(base[index] &- UInt8(ascii: "0"))
                index += 1
            }
            fractionDigits = index - fractionStart
            if fractionDigits == 0 { return try scanNumberInFull() }
        }
        let next = base[index]
        // A digit here follows a leading zero: an error, which the full scan reports.
        guard integerDigits + fractionDigits - leadingZeros <= 19, next | 0x20 != UInt8(ascii: "e"),
            next &- UInt8(ascii: "0") >= 10
        else { return try scanNumberInFull() }
        position = index
        return ScannedNumber(
            start: start, negative: negative, significand: significand, exponent: -fractionDigits, truncated: false,
            special: nil)
    }

    /// Consumes a number without converting it (values that are skipped: polygons, `info`…),
    /// with `scanNumber`'s errors.
    mutating func skipNumber() throws(JSONScanError) {
        let start = position
        var index = start
        if base[index] == UInt8(ascii: "-") { index += 1 }
        let first = base[index]
        if first &- UInt8(ascii: "1") < 9 {
            index += 1
            index = skipDigits(from: index)
        } else if first == UInt8(ascii: "0") {
            index += 1
        } else {
            _ = try scanNumberInFull()
            return
        }
        if base[index] == UInt8(ascii: ".") {
            let fractionStart = index + 1
            index = skipDigits(from: fractionStart)
            if index == fractionStart {
                _ = try scanNumberInFull()
                return
            }
        }
        let next = base[index]
        if next | 0x20 == UInt8(ascii: "e") || next &- UInt8(ascii: "0") < 10 {
            _ = try scanNumberInFull()
            return
        }
        position = index
    }

    /// The index of the first non-digit at or after `index`.
    @inline(__always)
    private func skipDigits(from index: Int) -> Int {
        var index = index
        while eightDigits(at: index) != nil { index += 8 }
        while base[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        return index
    }

    /// `scanNumber` for every shape: exponents, specials, more than 19 digits, and errors.
    private mutating func scanNumberInFull() throws(JSONScanError) -> ScannedNumber {
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
