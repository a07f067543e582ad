/// A box-drawn table laid out to fit a width: numbers right-aligned, text cut with an ellipsis
/// (file names in their middle) or wrapped onto more lines when the table is too wide, and
/// columns left out when even narrowed columns cannot fit, with a note saying which.
///
/// Fitting goes by each column's `priority`: the lowest-priority shrinkable column narrows first
/// (down to its `minWidth`), and when every column is at its narrowest the lowest-priority
/// column is left out (with the rest of its `group`), after which the others get their natural
/// widths back and narrow again as needed. So a view says what matters most on a narrow
/// terminal (`show` keeps class, score and fate before the box) rather than losing the rightmost columns.
struct TextTable {
    enum Shrink {
        /// Always as wide as its widest cell.
        case never
        /// Cut at the end with an ellipsis.
        case end
        /// Cut in the middle, keeping both ends (file names).
        case middle
        /// Broken at spaces onto several lines within the cell: nothing is lost.
        case wrap
    }

    struct Column {
        var header: String
        var alignment: Alignment
        var shrink: Shrink
        /// The narrowest the column may be cut (or wrapped) to.
        var minWidth: Int
        /// Lower priorities narrow first and are left out first; equal ones go right to left.
        var priority: Int
        /// Columns sharing a group are left out together (TP, FP and FN make sense only as a set).
        var group: String?
        /// False for a decorative column (a bar), left out without a note.
        var noted: Bool

        init(
            _ header: String, _ alignment: Alignment = .left, shrink: Shrink = .never, minWidth: Int = 4,
            priority: Int = 0, group: String? = nil, noted: Bool = true
        ) {
            self.header = header
            self.alignment = alignment
            self.shrink = shrink
            self.minWidth = minWidth
            self.priority = priority
            self.group = group
            self.noted = noted
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
        let headers = columns.map { glyphs.text($0.header) }
        let cells = rows.map { $0.map(glyphs.text) }
        var natural = headers.map(DisplayWidth.of)
        for row in cells {
            for (i, cell) in row.enumerated() where i < natural.count {
                natural[i] = max(natural[i], cell.width)
            }
        }
        let (shown, widths) = layout(natural: natural, width: width)

        let border = color ? Style.dim : Style.plain
        func rule(_ level: Int) -> String {
            let j = glyphs.joins[level]
            var line = String(j[0])
            for (k, i) in shown.enumerated() {
                line += String(repeating: glyphs.horizontal, count: widths[i] + 2)
                line.append(k == shown.count - 1 ? j[2] : j[1])
            }
            return border.apply(line)
        }
        let bar = border.apply(String(glyphs.vertical))
        /// A row as one line, or several when a wrapped cell needs them.
        func lines(_ row: [StyledText]) -> [String] {
            let parts = shown.map { i in
                i < row.count ? fit(row[i], column: columns[i], width: widths[i], glyphs: glyphs) : [StyledText()]
            }
            let height = parts.map(\.count).max() ?? 1
            return (0..<height).map { k in
                var out = bar
                for (p, i) in shown.enumerated() {
                    let cell = k < parts[p].count ? parts[p][k] : StyledText()
                    out += " " + cell.padded(to: widths[i], alignment: columns[i].alignment).rendered(color: color) + " " + bar
                }
                return out
            }
        }

        var out = [rule(0)] + lines(headers.map { StyledText($0, .bold) }) + [rule(1)]
        out.reserveCapacity(rows.count + 5)
        for (index, row) in cells.enumerated() {
            if rulesBefore.contains(index) { out.append(rule(1)) }
            out += lines(row)
        }
        out.append(rule(2))
        let hidden = columns.indices.filter { !shown.contains($0) && columns[$0].noted }
        if !hidden.isEmpty {
            let names = hidden.map { headers[$0] }.joined(separator: ", ")
            let note = "\(hidden.count) column\(hidden.count == 1 ? "" : "s") left out to fit the width: \(names)"
            out += TextWrap.wrap(note, width: width).map { color ? Style.dim.apply($0) : $0 }
        }
        return out
    }

    /// The columns shown (indices, in order) and every column's width, from their natural widths.
    private func layout(natural: [Int], width: Int) -> (shown: [Int], widths: [Int]) {
        var shown = Array(columns.indices)
        var widths = natural
        func total() -> Int { shown.reduce(0) { $0 + widths[$1] } + 3 * shown.count + 1 }
        while true {
            widths = natural
            shrink(&widths, toFit: width, shown: shown)
            if total() <= width || shown.count <= 1 { break }
            // Leave out the lowest-priority column (the rightmost of equals), with its group.
            let victim = shown.reversed().min { columns[$0].priority < columns[$1].priority }!
            var leaving = Set([victim])
            if let group = columns[victim].group {
                leaving.formUnion(shown.filter { columns[$0].group == group })
            }
            if leaving.count >= shown.count { leaving = [victim] }
            shown.removeAll(where: leaving.contains)
        }
        if let only = shown.first, total() > width {
            // A single column wider than the line: cut it whatever its kind.
            widths[only] = max(1, width - 4)
        }
        return (shown, widths)
    }

    /// Narrows shrinkable columns one column at a time until the table fits or none can give
    /// more: the lowest priority first, and among equals the widest.
    private func shrink(_ widths: inout [Int], toFit width: Int, shown: [Int]) {
        var excess = shown.reduce(0) { $0 + widths[$1] } + 3 * shown.count + 1 - width
        while excess > 0 {
            var pick = -1
            for i in shown where columns[i].shrink != .never && widths[i] > columns[i].minWidth {
                if pick < 0 || columns[i].priority < columns[pick].priority
                    || (columns[i].priority == columns[pick].priority && widths[i] > widths[pick])
                {
                    pick = i
                }
            }
            guard pick >= 0 else { return }
            widths[pick] -= 1
            excess -= 1
        }
    }

    /// A cell as the lines it takes at `width`: one, cut if need be, or several when it wraps.
    private func fit(_ cell: StyledText, column: Column, width: Int, glyphs: Glyphs) -> [StyledText] {
        guard cell.width > width else { return [cell] }
        switch column.shrink {
        case .wrap:
            return TextWrap.wrap(cell, width: width)
        case .middle where cell.spans.count == 1:
            let span = cell.spans[0]
            return [StyledText(span.text.shortenedInMiddle(to: width, ellipsis: glyphs.ellipsis), span.style)]
        default:
            return [cell.truncated(to: width, ellipsis: glyphs.ellipsis)]
        }
    }
}
