import EvalFormats
import EvalQuery
import Foundation

/// A result's data as rows and columns, before it becomes CSV or Markdown.
struct DataTable {
    /// A heading for Markdown (`**title**`); CSV has no place for it.
    var title: String? = nil
    var columns: [String]
    var rows: [[Cell]]
    /// Whether a column's numbers share its decimals in Markdown (see `ResultTable.alignsDecimals`).
    var alignsDecimals = true

    /// RFC 4180 CSV: a header line, then one line per row; fields holding a comma, a quote or
    /// a line break are quoted with quotes doubled. Lines end with `\n`. Numbers keep full
    /// precision (Python's repr), percentages are fractions, null is an empty field.
    func csv() -> String {
        var out = columns.map(DataTable.csvField).joined(separator: ",") + "\n"
        for row in rows {
            out += row.map { DataTable.csvField(DataTable.text($0)) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A GitHub-flavoured Markdown table under its title; numeric columns are right-aligned and
    /// `|` is escaped. Markdown is read by people (a report, a pull-request comment), so numbers
    /// are written as the terminal writes them (`0.4370`, `95.2%`, `+19`), not at full precision,
    /// with the decimals of a column aligned as in the terminal (`0.4370` above `0.4248`).
    func markdown() -> String {
        let numeric = columns.indices.map { i in
            rows.contains { i < $0.count && $0[i].isNumber } && rows.allSatisfy { i >= $0.count || $0[i].isNumber || $0[i] == .null }
        }
        func line(_ cells: [String]) -> String { "| " + cells.joined(separator: " | ") + " |" }
        var out = title.map { "**\(DataTable.markdownField($0))**\n\n" } ?? ""
        out += line(columns.map(DataTable.markdownField)) + "\n"
        out += line(numeric.map { $0 ? "--:" : "---" }) + "\n"
        let decimals = alignsDecimals ? columns.indices.map { NumberText.decimals(of: rows.doubles(inColumn: $0)) } : []
        for row in rows {
            let cells = row.enumerated().map { i, cell in
                DataTable.readableText(cell, decimals: i < decimals.count ? decimals[i] : nil)
            }
            out += line(cells.map(DataTable.markdownField)) + "\n"
        }
        return out
    }

    static func text(_ cell: Cell) -> String {
        switch cell {
        case .null: return ""
        case .int(let i): return String(i)
        case .double(let d), .percent(let d): return NumberText.python(d)
        case .change(let d, _, let whole): return whole ? String(Int(d)) : NumberText.python(d)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        }
    }

    /// A cell as a person reads it: short numbers (with `decimals` places when given: the
    /// column's), percentages, signed changes.
    static func readableText(_ cell: Cell, decimals: Int? = nil) -> String {
        switch cell {
        case .double(let d): return NumberText.fixed(d, decimals: decimals)
        case .percent(let p): return NumberText.percent(p)
        case .change(let d, _, let whole): return NumberText.signedChange(d, whole: whole)
        default: return text(cell)
        }
    }

    /// RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes doubled;
    /// control characters other than the line feed are escaped (`\x1b`) by `TerminalSafe`.
    /// One pass over the UTF-8 finds both needs (CSV of 5,000 rows is written field by field).
    private static func csvField(_ text: String) -> String {
        var quote = false
        var control = false
        var bytes = text
        bytes.withUTF8 { utf8 in
            for byte in utf8 where byte < 0x23 || byte == 0x2C || byte == 0x7F || byte == 0xC2 {
                switch byte {
                case 0x0A, 0x22, 0x2C: quote = true
                case 0x20, 0x21: break
                default: control = true
                }
            }
        }
        let safe = control ? TerminalSafe.escaped(text, keepingLineBreaks: true) : text
        guard quote else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    private static func markdownField(_ text: String) -> String {
        TerminalSafe.escaped(text.replacingOccurrences(of: "\n", with: " ")).replacingOccurrences(of: "|", with: "\\|")
    }
}

extension Cell {
    var isNumber: Bool {
        switch self {
        case .int, .double, .percent, .change: return true
        default: return false
        }
    }
}
