import EvalQuery

/// `images`, `where`, `cell`: one row per image. "Labels" shows each class's ground-truth
/// count and its missed objects (`✗N`); "Predictions" each class's true positives and false
/// positives (`!N`). Classes are told apart by name, or by a short code (`ClassCodes`) listed
/// in the legend when full names would be cut; colour, when on, is an addition. Then the
/// totals as numbers.
struct ImageListView: TerminalView {
    var list: ImageListResult

    func lines(_ options: RenderOptions) -> [String] {
        var out: [String] = []
        let dot = options.glyphs.middleDot
        var heading = list.title.map { $0 + " \(dot) " } ?? ""
        heading += "\(list.matched) image\(list.matched == 1 ? "" : "s")"
        out += ViewParts.title(heading, options)

        let shown = options.maxRows.map { min($0, list.rows.count) } ?? list.rows.count
        let rows = list.rows.prefix(shown)
        let names = list.labels.indices.map(label)
        var coded = false
        var (table, columns) = makeTable(rows, names: names, options)
        if !swatchCellsFit(table, columns, options) {
            coded = true
            (table, columns) = makeTable(rows, names: ClassCodes.codes(for: list.labels), options)
        }
        var present = Array(repeating: false, count: list.labels.count)
        for row in rows {
            let counts = row.counts
            for c in counts.nbObjects.indices where c < present.count && (counts.nbObjects[c] > 0 || counts.nbPreds[c] > 0) {
                present[c] = true
            }
        }
        out += table.render(width: options.width, glyphs: options.glyphs, color: options.color)
        out += ViewParts.moreRows(shown: shown, total: list.rows.count, options)
        if list.rows.count < list.matched {
            out += ViewParts.note("\(list.matched) images matched; the query's limit kept \(list.rows.count)", options)
        }
        // The legend explains Labels and Predictions: none when the width left both out.
        let swatchColumns = Set(columns.indices.filter { ["Labels", "Predictions"].contains(columns[$0].header) })
        if !swatchColumns.isDisjoint(with: table.shownColumns(width: options.width, glyphs: options.glyphs)) {
            out += legend(options, present: present, coded: coded)
        }
        return out
    }

    /// The table with classes written as `names` (full names or codes).
    ///
    /// Filenames keep their full width (up to a third of the line) before anything else gives
    /// up room: the name is what a user copies into `show`. On a narrow line `preds` and
    /// `objects` go first (they are TP + FP and TP + FN, and Labels and Predictions break them
    /// down), then Labels and Predictions wrap onto more lines, then go; TP, FP and FN stay longest, and only
    /// ever go together.
    private func makeTable(_ rows: ArraySlice<ImageRow>, names: [String], _ options: RenderOptions) -> (TextTable, [TextTable.Column]) {
        let longest = rows.map { DisplayWidth.of($0.filename) }.max() ?? 18
        var columns = [
            TextTable.Column("image", shrink: .middle, minWidth: min(longest, max(18, options.width / 3)), priority: 20, shrinkPriority: -1)
        ]
        if let extra = list.extraColumn { columns.append(TextTable.Column(extra, .right, priority: 9)) }
        columns += [
            TextTable.Column("Labels", shrink: .wrap, minWidth: 8, priority: 5, shrinkPriority: 3),
            TextTable.Column("Predictions", shrink: .wrap, minWidth: 8, priority: 4, shrinkPriority: 3),
        ]
        columns += ["TP", "FP", "FN"].map { TextTable.Column($0, .right, priority: 8, group: "counts") }
        columns += [TextTable.Column("objects", .right, priority: 2), TextTable.Column("preds", .right, priority: 1)]
        var table = TextTable(columns: columns)
        table.rows.reserveCapacity(rows.count)
        for row in rows {
            var cells = [StyledText(row.filename)]
            if list.extraColumn != nil { cells.append(StyledText(row.extra.map(String.init) ?? "—")) }
            let counts = row.counts
            cells.append(pairs(counts: counts.nbObjects, extra: counts.fn, extraStyle: .missed, extraMark: options.glyphs.missedMark, names, options))
            cells.append(pairs(counts: counts.tp, extra: counts.fp, extraStyle: .falsePositive, extraMark: options.glyphs.falsePositiveMark, names, options))
            let t = counts.totals()
            cells += [t.tp, t.fp, t.fn, t.objects, t.predictions].map { StyledText(String($0)) }
            table.rows.append(cells)
        }
        return (table, columns)
    }

    /// True when Labels and Predictions are both shown whole, on one line, at the width.
    private func swatchCellsFit(_ table: TextTable, _ columns: [TextTable.Column], _ options: RenderOptions) -> Bool {
        let (shown, widths) = table.fitted(width: options.width, glyphs: options.glyphs)
        return columns.indices.filter { ["Labels", "Predictions"].contains(columns[$0].header) }.allSatisfy { i in
            let natural = ([DisplayWidth.of(options.glyphs.text(columns[i].header))]
                + table.rows.map { DisplayWidth.of(options.glyphs.text($0[i]).plain) }).max() ?? 0
            return shown.contains(i) && widths[i] >= natural
        }
    }

    /// Per class with something to show: its name, the main count, then the extra count (missed
    /// or false positives) after its mark when non-zero; classes two spaces apart, and a narrow
    /// cell wraps between classes only (`TextTable.glue`). With colour the
    /// name and count take the class's colour, the extra count grey (missed) or red.
    private func pairs(counts: [Int32], extra: [Int32], extraStyle: Style, extraMark: String, _ names: [String], _ options: RenderOptions) -> StyledText {
        var text = StyledText()
        for c in counts.indices where counts[c] > 0 || (c < extra.count && extra[c] > 0) {
            if !text.isEmpty { text.append("  ") }
            let e = c < extra.count ? extra[c] : 0
            let name = names.indices.contains(c) ? names[c] : label(c)
            let glue = TextTable.glue
            text.append(name.replacingOccurrences(of: " ", with: glue) + glue + String(counts[c]), options.color ? ClassPalette.style(c) : .plain)
            if e > 0 { text.append(glue + extraMark + String(e), options.color ? extraStyle : .plain) }
        }
        return text
    }

    private func label(_ c: Int) -> String { list.labels.indices.contains(c) ? list.labels[c] : "class \(c + 1)" }

    /// The classes present in the rows shown (with their codes when the cells use codes, in
    /// their colours with colour on), then what the marks mean.
    private func legend(_ options: RenderOptions, present: [Bool], coded: Bool) -> [String] {
        let g = options.glyphs
        let style: (Int) -> Style = { options.color ? ClassPalette.style($0) : .plain }
        let classes = list.labels.indices.filter { present[$0] }
        var out: [String] = []
        if coded {
            let codes = ClassCodes.codes(for: list.labels)
            out += ViewParts.legend(classes.map { StyledText(codes[$0], style($0)) + StyledText("=" + list.labels[$0]) }, options)
        } else if options.color {
            out += ViewParts.legend(classes.map { ViewParts.swatch(list.labels[$0], classIndex: $0, options) }, options)
        }
        out += ViewParts.note(
            "Labels: ground-truth objects per class, \(g.missedMark)N missed \(g.middleDot) Predictions: true positives per class, \(g.falsePositiveMark)N false positives",
            options)
        return out
    }
}
