/// A box-drawn table laid out to fit a width: numbers right-aligned, text cut with an ellipsis
/// (file names in their middle) or wrapped onto more lines when the table is too wide, and
/// columns left out when even narrowed columns cannot fit, with a note saying which.
///
/// Fitting goes by priorities, so that a view says what matters most on a narrow terminal
/// (`show` keeps class, score and fate before the box) instead of losing its rightmost columns.
/// Each column has two steps: narrowing it (down to `minWidth`, at `shrinkPriority`) and leaving
/// it out (at `priority`, with the rest of its `group`). Steps are taken lowest priority first
/// (narrowing before leaving out at equal priorities, right to left among equals) until the table
/// fits; the columns left then narrow only as much as they must.
struct TextTable {
    enum Shrink {
        /// Always as wide as its widest cell.
        case never
        /// Cut at the end with an ellipsis.
        case end
        /// Cut in the middle, keeping both ends (file names).
        case middle
        /// Broken at spaces (and after `|`, `,`, `/`) onto several lines within the cell: nothing
        /// is lost. Words are cut only when even the other columns at their narrowest leave too
        /// little room for the longest of them.
        case wrap
        /// Wrapped like `wrap`, but between the top-level tokens of a syntax line only, never
        /// inside `[...]`, `(...)` or `<...>`, the lines after the first indented (`SyntaxWrap`).
        case syntax
    }

    struct Column {
        var header: String
        var alignment: Alignment
        var shrink: Shrink
        /// The narrowest the column may be cut (or wrapped) to.
        var minWidth: Int
        /// When the column is left out: lower first; equal ones go right to left.
        var priority: Int
        /// When the column may start narrowing; `priority` unless set. A column that matters
        /// (a class name) can narrow early a little (a large `minWidth`) rather than push others out.
        var shrinkPriority: Int
        /// Columns sharing a group are left out together (TP, FP and FN make sense only as a set).
        var group: String?
        /// False for a decorative column (a bar), left out without a note.
        var noted: Bool

        init(
            _ header: String, _ alignment: Alignment = .left, shrink: Shrink = .never, minWidth: Int = 4,
            priority: Int = 0, shrinkPriority: Int? = nil, group: String? = nil, noted: Bool = true
        ) {
            self.header = header
            self.alignment = alignment
            self.shrink = shrink
            self.minWidth = minWidth
            self.priority = priority
            self.shrinkPriority = shrinkPriority ?? priority
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
        let (headers, cells, shown, widths) = measured(width: width, glyphs: glyphs)

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
                i < row.count ? fit(row[i], column: columns[i], width: widths[i], glyphs: glyphs).map(TextTable.unglued) : [StyledText()]
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

    /// The indices of the columns `render` shows at `width`, in order.
    func shownColumns(width: Int, glyphs: Glyphs) -> [Int] {
        fitted(width: width, glyphs: glyphs).shown
    }

    /// The columns `render` shows at `width` (indices, in order) and every column's width.
    func fitted(width: Int, glyphs: Glyphs) -> (shown: [Int], widths: [Int]) {
        let layout = measured(width: width, glyphs: glyphs)
        return (layout.shown, layout.widths)
    }

    /// The headers and cells as drawn (transliterated in ASCII mode), the columns shown at
    /// `width` and every column's width: what `render` draws and `fitted` reports.
    private func measured(width: Int, glyphs: Glyphs)
        -> (headers: [String], cells: [[StyledText]], shown: [Int], widths: [Int])
    {
        let headers = columns.map { glyphs.text($0.header) }
        let cells = rows.map { $0.map(glyphs.text) }
        var natural = headers.map(DisplayWidth.of)
        for row in cells {
            for (i, cell) in row.enumerated() where i < natural.count {
                natural[i] = max(natural[i], cell.width)
            }
        }
        let (shown, widths) = layout(natural: natural, words: longestWords(headers: headers, cells: cells.map { $0.map(\.plain) }), width: width)
        return (headers, cells, shown, widths)
    }

    /// For each wrapping column (`wrap` or `syntax`), the widest piece of its header and cells that `TextWrap` does
    /// not break (0 for other columns): the width below which it would cut a word.
    private func longestWords(headers: [String], cells: [[String]]) -> [Int] {
        columns.indices.map { i in
            let texts = [headers[i]] + cells.compactMap { i < $0.count ? $0[i] : nil }
            switch columns[i].shrink {
            case .wrap: return texts.map(TextWrap.longestPiece).max() ?? 0
            case .syntax: return texts.map(SyntaxWrap.longestPiece).max() ?? 0
            default: return 0
            }
        }
    }

    /// The columns shown (indices, in order) and every column's width, from their natural widths.
    private func layout(natural: [Int], words: [Int], width: Int) -> (shown: [Int], widths: [Int]) {
        var shown = Array(columns.indices)
        var narrowing: [Int] = []
        var widths = natural
        func total() -> Int { shown.reduce(0) { $0 + widths[$1] } + 3 * shown.count + 1 }
        // (priority, narrowing before leaving out, right to left, column, is a narrowing step)
        var steps: [(Int, Int, Int, Int, Bool)] = []
        for (i, column) in columns.enumerated() {
            if column.shrink != .never { steps.append((column.shrinkPriority, 0, -i, i, true)) }
            steps.append((column.priority, 1, -i, i, false))
        }
        steps.sort { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }
        var next = 0
        while total() > width && next < steps.count {
            let (_, _, _, i, narrows) = steps[next]
            next += 1
            if narrows {
                // Columns that may narrow at one priority narrow together, widest first.
                narrowing.append(i)
                while next < steps.count && steps[next].4 && steps[next].0 == steps[next - 1].0 {
                    narrowing.append(steps[next].3)
                    next += 1
                }
            } else if shown.contains(i) && shown.count > 1 {
                var leaving = Set([i])
                if let group = columns[i].group { leaving.formUnion(shown.filter { columns[$0].group == group }) }
                if leaving.count >= shown.count { leaving = [i] }
                shown.removeAll(where: leaving.contains)
            }
            widths = natural
            // Wrapping columns keep their words whole while the others can still give room.
            let among = narrowing.filter(shown.contains).sorted()
            let wholeWords = columns.indices.map { max(columns[$0].minWidth, min(natural[$0], words[$0])) }
            shrink(&widths, toFit: width, among: among, shown: shown, floors: wholeWords)
            shrink(&widths, toFit: width, among: among, shown: shown, floors: columns.map(\.minWidth))
        }
        if let only = shown.first, total() > width {
            // A single column wider than the line: cut it whatever its kind.
            widths[only] = max(1, width - 4)
        }
        return (shown, widths)
    }

    /// Narrows the `among` columns one column at a time, none below its floor, until the table
    /// fits or none can give more: the lowest shrink priority first, and among equals the widest.
    private func shrink(_ widths: inout [Int], toFit width: Int, among: [Int], shown: [Int], floors: [Int]) {
        var excess = shown.reduce(0) { $0 + widths[$1] } + 3 * shown.count + 1 - width
        while excess > 0 {
            var pick = -1
            for i in among where widths[i] > floors[i] {
                if pick < 0 || columns[i].shrinkPriority < columns[pick].shrinkPriority
                    || (columns[i].shrinkPriority == columns[pick].shrinkPriority && widths[i] > widths[pick])
                {
                    pick = i
                }
            }
            guard pick >= 0 else { return }
            widths[pick] -= 1
            excess -= 1
        }
    }

    /// Joins words that a wrapping cell must not break apart (`car 3 ✗1`); drawn as a space.
    /// A private-use character: no class name or transliteration produces it.
    static let glue = "\u{E000}"

    private static func unglued(_ text: StyledText) -> StyledText {
        text.mapText { $0.contains(glue) ? $0.replacingOccurrences(of: glue, with: " ") : $0 }
    }

    /// A cell as the lines it takes at `width`: one, cut if need be, or several when it wraps.
    private func fit(_ cell: StyledText, column: Column, width: Int, glyphs: Glyphs) -> [StyledText] {
        guard cell.width > width else { return [cell] }
        switch column.shrink {
        case .wrap:
            return TextWrap.wrap(cell, width: width)
        case .syntax:
            return SyntaxWrap.wrap(cell, width: width)
        case .middle where cell.spans.count == 1:
            let span = cell.spans[0]
            return [StyledText(span.text.shortenedInMiddle(to: width, ellipsis: glyphs.ellipsis), span.style)]
        default:
            return [cell.truncated(to: width, ellipsis: glyphs.ellipsis)]
        }
    }
}
