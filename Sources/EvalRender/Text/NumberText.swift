import EvalFormats
import EvalQuery
import Foundation

/// How numbers are written: Python's `repr` for data formats, short fixed forms for views.
enum NumberText {
    /// A float as Python's `repr`/`json.dumps` writes it (EvalFormats writes the payloads the same way).
    static func python(_ value: Double) -> String { PythonFloatFormat.string(value) }

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

    /// `value` with `decimals` places (a column's, so that points line up), or `short` without.
    static func fixed(_ value: Double, decimals: Int?) -> String {
        guard let decimals, value.isFinite else { return short(value) }
        return String(format: "%.\(decimals)f", value)
    }

    /// A change with its sign: `+19`, `-0.0122` (whole numbers without decimals, others with four).
    static func signedChange(_ value: Double, whole: Bool) -> String {
        (value > 0 ? "+" : "") + (whole ? String(Int(value)) : String(format: "%.4f", value))
    }

    /// The decimals every fraction of a table column is written with, so that their points line
    /// up (`0.4370` above `0.4248`): the most any of them needs in `short`, at most four; nil when
    /// none has any.
    static func decimals(ofColumn column: Int, in rows: [[Cell]]) -> Int? {
        var most: Int?
        for row in rows where column < row.count {
            guard case .double(let d) = row[column] else { continue }
            let text = short(d)
            let places = text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
            if places > 0 { most = max(most ?? 0, places) }
        }
        return most
    }
}
