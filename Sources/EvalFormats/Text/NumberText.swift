#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How evalsh writes numbers for people and for programs: the one formatter of the views
/// (EvalRender), the messages (EvalQuery) and the shell.
///
/// The policy (README, "Numbers"): data formats (CSV, JSON) carry full precision as Python's
/// `repr` writes it; terminal and Markdown tables write rates and scores with three decimals,
/// a column's plain numbers with the decimals its values need (at most four) so that points
/// line up; messages write numbers with up to six decimals.
public enum NumberText {
    /// A float as Python's `repr`/`json.dumps` writes it (the payloads are written the same way).
    public static func python(_ value: Double) -> String { PythonFloatFormat.string(value) }

    /// `value` with exactly `decimals` places, rounded as C's `printf` rounds the binary value.
    public static func fixed(_ value: Double, places decimals: Int) -> String {
        guard value.isFinite else { return python(value) }
        var buffer = [CChar](repeating: 0, count: 352)
        let written = withVaList([Int32(decimals), value]) { vsnprintf(&buffer, buffer.count, "%.*f", $0) }
        guard written > 0 else { return python(value) }
        let text = String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." } ? String(text.dropFirst()) : text
    }

    /// A value in [0, 1] as `0.504`; `—` for a missing value.
    public static func fraction(_ value: Double?, digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "—" }
        return fixed(value, places: digits)
    }

    /// A fraction as a percentage, `95.2%`.
    public static func percent(_ value: Double, digits: Int = 1) -> String {
        guard value.isFinite else { return "—" }
        return fixed(value * 100, places: digits) + "%"
    }

    /// A number for a chart label: whole numbers without decimals, others with three.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return python(value) }
        if let whole = wholeNumber(value) { return whole }
        return fixed(value, places: 3)
    }

    /// A float for a table cell: at most four decimals, trailing zeros dropped (`0.5`, `0.1234`).
    public static func short(_ value: Double) -> String { trimmed(value, places: 4) }

    /// A number in a message: at most six decimals, trailing zeros dropped (`0.5`, `0.123457`).
    public static func precise(_ value: Double) -> String { trimmed(value, places: 6) }

    /// `value` with `decimals` places (a column's, so that points line up), or `short` without.
    public static func fixed(_ value: Double, decimals: Int?) -> String {
        guard let decimals, value.isFinite else { return short(value) }
        return fixed(value, places: decimals)
    }

    /// A change with its sign: `+19`, `-0.0122` (whole numbers without decimals, others with four).
    public static func signedChange(_ value: Double, whole: Bool) -> String {
        (value > 0 ? "+" : "") + (whole ? String(Int(value)) : fixed(value, places: 4))
    }

    /// The decimals every number of a column is written with, so that their points line up
    /// (`0.4370` above `0.4248`): the most any of them needs in `short`, at most four; nil when
    /// none has any.
    public static func decimals(of column: [Double]) -> Int? {
        var most: Int?
        for value in column {
            let text = short(value)
            let places = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
            if places > 0 { most = max(most ?? 0, places) }
        }
        return most
    }

    /// A duration as `timing on` prints it: `4.27 ms`, `12.3 ms`.
    public static func milliseconds(_ ms: Double) -> String {
        fixed(ms, places: ms < 10 ? 2 : 1) + " ms"
    }

    private static func wholeNumber(_ value: Double) -> String? {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : nil
    }

    private static func trimmed(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return python(value) }
        if let whole = wholeNumber(value) { return whole }
        var text = fixed(value, places: places)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
