/// Writes a double as Python's `repr(float)` (hence `json.dumps`) does: the shortest digits
/// that round-trip, positional when the decimal exponent is in -4..<16 (`0.0001`,
/// `1234567890123456.0`), scientific otherwise with a signed two-digit exponent (`1e-05`,
/// `1e+16`), `.0` on whole numbers, and `NaN` / `Infinity` / `-Infinity`.
public enum PythonFloatFormat {
    public static func string(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let (digits, pointPosition) = shortestDigits(abs(value))
        let sign = value < 0 ? "-" : ""
        // Python switches to scientific when decpt <= -4 or decpt > 16, decpt being the
        // position of the decimal point relative to the first digit.
        if pointPosition > -4 && pointPosition <= 16 {
            if pointPosition <= 0 {
                return sign + "0." + String(repeating: "0", count: -pointPosition) + digits
            }
            if digits.count <= pointPosition {
                return sign + digits + String(repeating: "0", count: pointPosition - digits.count) + ".0"
            }
            let split = digits.index(digits.startIndex, offsetBy: pointPosition)
            return sign + digits[..<split] + "." + digits[split...]
        }
        let exponent = pointPosition - 1
        var mantissa = String(digits.first!)
        if digits.count > 1 { mantissa += "." + digits.dropFirst() }
        let exponentDigits = String(abs(exponent))
        let paddedExponent = exponentDigits.count < 2 ? "0" + exponentDigits : exponentDigits
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + paddedExponent
    }

    /// The shortest round-trip digits of a positive finite `value` (no leading or trailing
    /// zeros) and the decimal point's position: value = 0.d₁d₂… × 10^position. Swift's
    /// `description` already yields the shortest round-trip digits; only their layout differs.
    static func shortestDigits(_ value: Double) -> (digits: String, pointPosition: Int) {
        let text = value.description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...])!
        }
        var digits = ""
        var pointPosition = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." {
                seenPoint = true
                continue
            }
            digits.append(character)
            if !seenPoint { pointPosition += 1 }
        }
        let leadingZeros = digits.prefix { $0 == "0" }.count
        digits.removeFirst(leadingZeros)
        pointPosition -= leadingZeros
        while digits.last == "0" { digits.removeLast() }
        return (digits, pointPosition + exponent)
    }
}
