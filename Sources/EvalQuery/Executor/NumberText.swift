/// Numbers as messages show them, without Foundation's `String(format:)`.
enum NumberText {
    /// `value` rounded to `decimals` places, always showing them: `fixed(0.5, 4)` is `0.5000`.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return "\(value)" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (value * scale).rounded()
        let sign = scaled < 0 ? "-" : ""
        let digits = String(Int(abs(scaled)))
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        return decimals == 0 ? sign + padded : "\(sign)\(padded.dropLast(decimals)).\(padded.suffix(decimals))"
    }

    /// Whole numbers without decimals, others with up to 6 significant places after the point.
    static func short(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var s = fixed(value, 6)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}
