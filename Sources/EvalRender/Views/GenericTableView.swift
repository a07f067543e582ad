import EvalFormats
import EvalQuery
import Foundation

/// A `ResultTable` as a box-drawn table: numeric columns right-aligned, percentages as `95.2%`,
/// then its notes. Columns of free text (`isProse`: `help`'s syntax and descriptions,
/// `pending`'s effects, `log`'s messages) wrap onto more lines when the table is too wide;
/// other text (names, paths, `dining table`) is cut with an ellipsis.
struct GenericTableView: TerminalView {
    var table: ResultTable
    /// The column of syntax lines (`help`'s first), wrapped between top-level tokens only.
    var syntaxColumn: Int? = nil
    /// Columns that wrap whatever their text (`help`'s examples, meant to be typed as shown:
    /// broken at spaces and after `/`, never cut).
    var wrappedColumns: Set<Int> = []

    /// The narrowest a wrapping column gets: a short word or two a line. The table keeps a
    /// wrapping column as wide as its longest word while other columns can give room, so
    /// this is reached only when words must be cut anyway.
    static let wrapMinWidth = 8

    /// Words of a sentence or a syntax line: at least three (class names have fewer), short on
    /// average (not a list of paths, which would break mid-name).
    static func isProse(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return words.count >= 3 && words.reduce(0) { $0 + $1.count } <= 12 * words.count
    }

    func lines(_ options: RenderOptions) -> [String] {
        var out: [String] = []
        if let title = table.title { out += ViewParts.title(title, options) }
        let shownRows = options.maxRows.map { min($0, table.rows.count) } ?? table.rows.count
        let columns = table.columns.indices.map { i -> TextTable.Column in
            let numeric = table.rows.contains { i < $0.count && $0[i].isNumber }
                && table.rows.allSatisfy { i >= $0.count || $0[i].isNumber || $0[i] == .null }
            if numeric { return TextTable.Column(table.columns[i], .right) }
            if i == syntaxColumn { return TextTable.Column(table.columns[i], shrink: .syntax, minWidth: GenericTableView.wrapMinWidth) }
            if wrappedColumns.contains(i) { return TextTable.Column(table.columns[i], shrink: .wrap, minWidth: GenericTableView.wrapMinWidth) }
            let prose = table.rows.contains { row in
                guard i < row.count, case .string(let text) = row[i] else { return false }
                return GenericTableView.isProse(text)
            }
            return TextTable.Column(table.columns[i], shrink: prose ? .wrap : .end, minWidth: prose ? GenericTableView.wrapMinWidth : 4)
        }
        var text = TextTable(columns: columns)
        let decimals = table.alignsDecimals ? table.columns.indices.map { NumberText.decimals(of: table.rows.doubles(inColumn: $0)) } : []
        text.rows = table.rows.prefix(shownRows).map { row in
            row.enumerated().map { i, cell in GenericTableView.text(cell, decimals: i < decimals.count ? decimals[i] : nil) }
        }
        out += text.render(width: options.width, glyphs: options.glyphs, color: options.color)
        out += ViewParts.moreRows(shown: shownRows, total: table.rows.count, options)
        for note in table.notes { out += ViewParts.note(note, options) }
        return out
    }

    static func text(_ cell: Cell, decimals: Int? = nil) -> StyledText {
        switch cell {
        case .null: return StyledText("—", .dim)
        case .int(let i): return StyledText(String(i))
        case .double(let d): return StyledText(NumberText.fixed(d, decimals: decimals))
        case .percent(let p): return StyledText(NumberText.percent(p))
        case .string(let s): return StyledText(s)
        case .bool(let b): return StyledText(b ? "yes" : "no")
        case .change(let d, let higherIsBetter, let whole):
            // A change too small to show (`+0.0000`, or the last bits of two sums) is no change:
            // no arrow says better or worse about a number that reads as zero.
            guard abs(d) > 1e-12, NumberText.signedChange(d, whole: whole).contains(where: { "123456789".contains($0) }) else {
                return StyledText(NumberText.signedChange(0, whole: whole) + " =")
            }
            guard let higherIsBetter else { return StyledText(NumberText.signedChange(d, whole: whole)) }
            let improved = (d > 0) == higherIsBetter
            // The arrow says better or worse, which the sign alone does not (FN +3 is worse), so
            // that the change reads without colour too.
            return StyledText(NumberText.signedChange(d, whole: whole) + (improved ? " ▲" : " ▼"), improved ? .improvement : .regression)
        }
    }
}
