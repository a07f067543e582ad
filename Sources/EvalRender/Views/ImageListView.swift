import EvalQuery

/// `images`, `where`, `cell`: one row per image. "Labels" shows each class's ground-truth
/// count in the class's colour and its missed objects in grey; "Predictions" each class's
/// true positives in its colour and false positives in red. Without colour, class names
/// replace the colours and `✗`/`!` mark misses and false positives. Then the totals as numbers.
struct ImageListView: TerminalView {
    var list: ImageListResult

    func lines(_ options: RenderOptions) -> [String] {
        var out: [String] = []
        let dot = options.glyphs.middleDot
        var heading = list.title.map { $0 + " \(dot) " } ?? ""
        heading += "\(list.matched) image\(list.matched == 1 ? "" : "s")"
        out += ViewParts.title(heading, options)

        // Filenames keep their full width (up to a third of the line) before anything else gives
        // up room: the name is what a user copies into `show`. On a narrow line Labels and
        // Predictions narrow first, then `preds` and `objects` go (TP + FP and TP + FN), then
        // Labels and Predictions; TP, FP and FN stay longest, and only ever go together.
        let longest = list.rows.prefix(options.maxRows ?? list.rows.count).map { DisplayWidth.of($0.filename) }.max() ?? 18
        var columns = [
            TextTable.Column("image", shrink: .middle, minWidth: min(longest, max(18, options.width / 3)), priority: 20, shrinkPriority: -1)
        ]
        if let extra = list.extraColumn { columns.append(TextTable.Column(extra, .right, priority: 9)) }
        columns += [
            TextTable.Column("Labels", shrink: .end, minWidth: 8, priority: 5, shrinkPriority: 0),
            TextTable.Column("Predictions", shrink: .end, minWidth: 8, priority: 4, shrinkPriority: 0),
        ]
        columns += ["TP", "FP", "FN"].map { TextTable.Column($0, .right, priority: 8, group: "counts") }
        columns += [TextTable.Column("objects", .right, priority: 2), TextTable.Column("preds", .right, priority: 1)]
        var table = TextTable(columns: columns)
        let shown = options.maxRows.map { min($0, list.rows.count) } ?? list.rows.count
        table.rows.reserveCapacity(shown)
        var present = Array(repeating: false, count: list.labels.count)
        for row in list.rows.prefix(shown) {
            for c in row.nbObjects.indices where c < present.count && (row.nbObjects[c] > 0 || row.nbPreds[c] > 0) {
                present[c] = true
            }
            var cells = [StyledText(row.filename)]
            if list.extraColumn != nil { cells.append(StyledText(row.extra.map(String.init) ?? "—")) }
            cells.append(labelsCell(row, options))
            cells.append(predictionsCell(row, options))
            cells += [row.tp, row.fp, row.fn, row.nbObjects, row.nbPreds].map { StyledText(String($0.reduce(0, +))) }
            table.rows.append(cells)
        }
        out += table.render(width: options.width, glyphs: options.glyphs, color: options.color)
        out += ViewParts.moreRows(shown: shown, total: list.rows.count, options)
        if list.rows.count < list.matched {
            out += ViewParts.note("\(list.matched) images matched; the query's limit kept \(list.rows.count)", options)
        }
        // The legend explains Labels and Predictions: none when the width left both out.
        let swatchColumns = Set(columns.indices.filter { ["Labels", "Predictions"].contains(columns[$0].header) })
        if !swatchColumns.isDisjoint(with: table.shownColumns(width: options.width, glyphs: options.glyphs)) {
            out += legend(options, present: present)
        }
        return out
    }

    private func labelsCell(_ row: ImageRow, _ options: RenderOptions) -> StyledText {
        pairs(counts: row.nbObjects, extra: row.fn, extraStyle: .missed, extraMark: options.glyphs.missedMark, options)
    }

    private func predictionsCell(_ row: ImageRow, _ options: RenderOptions) -> StyledText {
        pairs(counts: row.tp, extra: row.fp, extraStyle: .falsePositive, extraMark: options.glyphs.falsePositiveMark, options)
    }

    /// Per class with something to show: the main count, then the extra count (missed or
    /// false positives) when non-zero; classes two spaces apart.
    private func pairs(counts: [Int], extra: [Int], extraStyle: Style, extraMark: String, _ options: RenderOptions) -> StyledText {
        var text = StyledText()
        let square = options.glyphs.square
        for c in counts.indices where counts[c] > 0 || (c < extra.count && extra[c] > 0) {
            if !text.isEmpty { text.append("  ") }
            let e = c < extra.count ? extra[c] : 0
            if options.color {
                text.append(square + String(counts[c]), ClassPalette.style(c))
                if e > 0 { text.append(" " + square + String(e), extraStyle) }
            } else {
                text.append("\(label(c)) \(counts[c])")
                if e > 0 { text.append(" \(extraMark)\(e)") }
            }
        }
        return text
    }

    private func label(_ c: Int) -> String { list.labels.indices.contains(c) ? list.labels[c] : "class \(c + 1)" }

    /// Swatches of the classes present in the rows shown, then what grey and red mean.
    private func legend(_ options: RenderOptions, present: [Bool]) -> [String] {
        let g = options.glyphs
        guard options.color else {
            return ViewParts.note(
                "Labels: ground-truth objects per class, \(g.missedMark)N missed \(g.middleDot) Predictions: true positives per class, \(g.falsePositiveMark)N false positives",
                options)
        }
        var items = list.labels.indices.filter { present[$0] }.map { ViewParts.swatch(list.labels[$0], classIndex: $0, options) }
        items.append(StyledText(g.square + " ", .missed) + "missed")
        items.append(StyledText(g.square + " ", .falsePositive) + "false positive")
        return ViewParts.legend(items, options)
    }
}
