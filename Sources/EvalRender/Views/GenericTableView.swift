import EvalQuery
import Foundation

/// A `ResultTable` as a box-drawn table: numeric columns right-aligned, percentages as `95.2%`,
/// then its notes.
struct GenericTableView: TerminalView {
    var table: ResultTable

    func lines(_ options: RenderOptions) -> [String] {
        var out: [String] = []
        if let title = table.title { out += ViewParts.title(title, options) }
        let shownRows = options.maxRows.map { min($0, table.rows.count) } ?? table.rows.count
        let columns = table.columns.indices.map { i -> TextTable.Column in
            let numeric = table.rows.contains { i < $0.count && $0[i].isNumber }
                && table.rows.allSatisfy { i >= $0.count || $0[i].isNumber || $0[i] == .null }
            return TextTable.Column(table.columns[i], numeric ? .right : .left, shrink: numeric ? .never : .end)
        }
        var text = TextTable(columns: columns)
        text.rows = table.rows.prefix(shownRows).map { row in row.map(GenericTableView.text) }
        out += text.render(width: options.width, glyphs: options.glyphs, color: options.color)
        out += ViewParts.moreRows(shown: shownRows, total: table.rows.count, options)
        for note in table.notes { out += ViewParts.note(note, options) }
        return out
    }

    static func text(_ cell: Cell) -> StyledText {
        switch cell {
        case .null: return StyledText("—", .dim)
        case .int(let i): return StyledText(String(i))
        case .double(let d): return StyledText(NumberText.short(d))
        case .percent(let p): return StyledText(NumberText.percent(p))
        case .string(let s): return StyledText(s)
        case .bool(let b): return StyledText(b ? "yes" : "no")
        case .change(let d, let higherIsBetter, let whole):
            let number = whole ? String(Int(d)) : String(format: "%.4f", d)
            // Differences in the last bits of two sums are no change.
            guard abs(d) > 1e-12 else { return StyledText(whole ? "0 =" : String(format: "%.4f", 0.0) + " =") }
            let improved = (d > 0) == higherIsBetter
            let sign = d > 0 ? "+" : ""
            return StyledText(sign + number + (d > 0 ? " ▲" : " ▼"), improved ? .improvement : .regression)
        }
    }
}
