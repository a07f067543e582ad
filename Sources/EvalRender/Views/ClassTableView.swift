import EvalQuery

/// `classes`: one row per class with AP, AP50 (when boxes are loaded), precision, recall, F1 and
/// counts, and, when the line has room for every column, a small bar for AP (F1 on a payload,
/// which has no AP). Class names and bars are in the class's colour.
struct ClassTableView: TerminalView {
    var result: ClassTableResult

    static let barWidth = 10
    /// The line width from which the bar fits beside every column (a 14-character class name).
    static let widthForBar = 112

    func lines(_ options: RenderOptions) -> [String] {
        let hasAP = result.rows.contains { $0.ap != nil }
        let rowLimit = options.maxRows.map { min($0, result.rows.count) } ?? result.rows.count
        var out = ViewParts.title("Classes at \(ViewParts.pointText(iou: result.point.iou, confidence: result.point.confidence, options))", options)
        var columns = [TextTable.Column("class", shrink: .end, minWidth: 6)]
        if hasAP { columns += [TextTable.Column("AP", .right), TextTable.Column("AP50", .right)] }
        let withBar = options.width >= Self.widthForBar
        if withBar { columns += [TextTable.Column("", shrink: .never)] }
        columns += ["precision", "recall", "F1", "objects", "preds", "TP", "FP", "FN"].map { TextTable.Column($0, .right) }
        var table = TextTable(columns: columns)
        table.rows = result.rows.prefix(rowLimit).map { ClassTableView.cells($0, hasAP: hasAP, bar: withBar, options) }
        out += table.render(width: options.width, glyphs: options.glyphs, color: options.color)
        out += ViewParts.moreRows(shown: rowLimit, total: result.rows.count, options)
        return out
    }

    static func cells(_ row: ClassTotals, hasAP: Bool, bar withBar: Bool, _ options: RenderOptions) -> [StyledText] {
        let t = row.totals
        let style = row.classIndex.map(ClassPalette.style) ?? .plain
        var cells = [row.classIndex.map { ViewParts.swatch(row.name, classIndex: $0, options) } ?? StyledText(row.name)]
        let barValue: Double
        if hasAP {
            let ap = row.ap.flatMap { $0 < 0 ? nil : $0 }
            let ap50 = row.ap50.flatMap { $0 < 0 ? nil : $0 }
            cells += [StyledText(NumberText.fraction(ap)), StyledText(NumberText.fraction(ap50))]
            barValue = ap ?? 0
        } else {
            barValue = t.f1
        }
        if withBar {
            let bar = ViewParts.bar(barValue, width: barWidth, glyphs: options.glyphs)
            cells.append(StyledText(bar, style).padded(to: barWidth, alignment: .left))
        }
        cells += [t.precision, t.recall, t.f1].map { StyledText(NumberText.fraction($0)) }
        cells += [t.objects, t.predictions, t.tp, t.fp, t.fn].map { StyledText(String($0)) }
        return cells
    }
}
