/// A box-drawn table laid out to fit a width: numbers right-aligned, text cut with an ellipsis
/// (file names in their middle) when the table is too wide, and columns left out from the right
/// when even cut columns cannot fit, with a note saying how many.
struct TextTable {
    enum Shrink { case never, end, middle }

    struct Column {
        var header: String
        var alignment: Alignment
        var shrink: Shrink
        /// The narrowest the column may be cut to.
        var minWidth: Int

        init(_ header: String, _ alignment: Alignment = .left, shrink: Shrink = .never, minWidth: Int = 4) {
            self.header = header
            self.alignment = alignment
            self.shrink = shrink
            self.minWidth = minWidth
        }
    }

    var columns: [Column]
    var rows: [[StyledText]] = []
    /// Row indices before which a horizontal rule is drawn (a totals row, for instance).
    var rulesBefore: Set<Int> = []

    init(columns: [Column], rows: [[StyledText]] = []) {
        self.columns = columns
        self.rows = rows
    }

    /// The table's lines, none wider than `width` display columns.
    func render(width: Int, glyphs: Glyphs, color: Bool) -> [String] {
        assert(rows.allSatisfy { $0.count == columns.count }, "every row has one cell per column")
        var widths = columns.map { DisplayWidth.of($0.header) }
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], cell.width)
            }
        }
        var shown = columns.count
        func total() -> Int { widths.prefix(shown).reduce(0, +) + 3 * shown + 1 }
        shrink(&widths, toFit: width, shown: shown)
        while total() > width && shown > 1 {
            shown -= 1
            widths = columns.enumerated().map { i, c in
                i < shown ? max(DisplayWidth.of(c.header), rows.reduce(0) { max($0, i < $1.count ? $1[i].width : 0) }) : 0
            }
            shrink(&widths, toFit: width, shown: shown)
        }
        if total() > width {
            // A single column wider than the line: cut it whatever its kind.
            widths[0] = max(1, width - 4)
        }

        let border = color ? Style.dim : Style.plain
        func rule(_ level: Int) -> String {
            let j = glyphs.joins[level]
            var line = String(j[0])
            for i in 0..<shown {
                line += String(repeating: glyphs.horizontal, count: widths[i] + 2)
                line.append(i == shown - 1 ? j[2] : j[1])
            }
            return border.apply(line)
        }
        let bar = border.apply(String(glyphs.vertical))
        func line(_ cells: [StyledText]) -> String {
            var out = bar
            for i in 0..<shown {
                let cell = i < cells.count ? fit(cells[i], column: columns[i], width: widths[i], glyphs: glyphs) : StyledText()
                out += " " + cell.padded(to: widths[i], alignment: columns[i].alignment).rendered(color: color) + " " + bar
            }
            return out
        }

        var lines = [rule(0), line(columns.prefix(shown).map { StyledText($0.header, .bold) }), rule(1)]
        lines.reserveCapacity(rows.count + 5)
        for (index, row) in rows.enumerated() {
            if rulesBefore.contains(index) { lines.append(rule(1)) }
            lines.append(line(row))
        }
        lines.append(rule(2))
        if shown < columns.count {
            let hidden = columns.count - shown
            let names = columns.suffix(hidden).map(\.header).joined(separator: ", ")
            let note = "\(hidden) column\(hidden == 1 ? "" : "s") left out to fit the width: \(names)"
            lines += TextWrap.wrap(note, width: width).map { color ? Style.dim.apply($0) : $0 }
        }
        return lines
    }

    /// Narrows shrinkable columns, widest first, until the table fits or none can give more.
    private func shrink(_ widths: inout [Int], toFit width: Int, shown: Int) {
        var excess = widths.prefix(shown).reduce(0, +) + 3 * shown + 1 - width
        while excess > 0 {
            var widest = -1
            for i in 0..<shown where columns[i].shrink != .never && widths[i] > columns[i].minWidth {
                if widest < 0 || widths[i] > widths[widest] { widest = i }
            }
            guard widest >= 0 else { return }
            widths[widest] -= 1
            excess -= 1
        }
    }

    private func fit(_ cell: StyledText, column: Column, width: Int, glyphs: Glyphs) -> StyledText {
        guard cell.width > width else { return cell }
        if column.shrink == .middle, cell.spans.count == 1 {
            let span = cell.spans[0]
            return StyledText(span.text.shortenedInMiddle(to: width, ellipsis: glyphs.ellipsis), span.style)
        }
        return cell.truncated(to: width, ellipsis: glyphs.ellipsis)
    }
}
