import Foundation

/// How numbers are written: Python's `repr` for data formats, short fixed forms for views.
enum NumberText {
    /// A float as Python's `repr`/`json.dumps` writes it: the shortest digits that round-trip,
    /// positional between 1e-4 and 1e16 with at least one decimal (`9.0`), scientific with a
    /// two-digit exponent outside (`1e-05`, `1e+16`); `NaN`, `Infinity`, `-Infinity`.
    static func python(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description is also shortest round-trip; only its layout differs from Python's.
        let (negative, digits, exponent) = decompose(abs(value).description)
        let sign = negative || value < 0 ? "-" : ""
        if exponent >= -4 && exponent < 16 {
            if exponent < 0 {
                return sign + "0." + String(repeating: "0", count: -exponent - 1) + digits
            }
            let intCount = exponent + 1
            if digits.count <= intCount {
                return sign + digits + String(repeating: "0", count: intCount - digits.count) + ".0"
            }
            let cut = digits.index(digits.startIndex, offsetBy: intCount)
            return sign + digits[..<cut] + "." + digits[cut...]
        }
        let mantissa = digits.count == 1 ? digits : String(digits.prefix(1)) + "." + digits.dropFirst()
        let e = abs(exponent)
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (e < 10 ? "0" : "") + String(e)
    }

    /// Significant digits without leading/trailing zeros and the decimal exponent of the first one.
    private static func decompose(_ text: String) -> (negative: Bool, digits: String, exponent: Int) {
        var body = Substring(text)
        var negative = false
        if body.first == "-" { negative = true; body = body.dropFirst() }
        var exponentPart = 0
        if let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponentPart = Int(body[body.index(after: e)...]) ?? 0
            body = body[..<e]
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        var all = intPart + fracPart
        var pointPosition = intPart.count
        while all.first == "0" && all.count > 1 { all.removeFirst(); pointPosition -= 1 }
        while all.last == "0" && all.count > 1 { all.removeLast() }
        return (negative, all, pointPosition - 1 + exponentPart)
    }

    /// A value in [0, 1] as `0.504`; `—` for a missing value.
    static func fraction(_ value: Double?, digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "—" }
        return String(format: "%.\(digits)f", value)
    }

    /// A fraction as a percentage, `95.2%`.
    static func percent(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        return String(format: "%.\(digits)f%%", value * 100)
    }

    /// A number for a chart label: whole numbers without decimals, others with three.
    static func compact(_ value: Double) -> String {
        guard value.isFinite else { return python(value) }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.3f", value)
    }

    /// A float for a table cell: at most four decimals, trailing zeros dropped (`0.5`, `0.1234`).
    static func short(_ value: Double) -> String {
        guard value.isFinite else { return python(value) }
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
