import EvalFormats
import EvalQuery

/// `classes`: one row per class with AP, AP50 (when boxes are loaded), precision, recall, F1 and
/// counts, and, when the line has room for every column, a small bar for AP (F1 on a payload,
/// which has no AP). Class names and bars are in the class's colour.
///
/// On a narrower line the bar goes first, then the counts that follow from others (`preds` =
/// TP + FP, `objects` = TP + FN), then class names narrow to `classMinWidth`, then AP50 and TP
/// go, then FN and FP, so that AP, F1, precision and recall (what `classes sort` is usually
/// asked for, and what `summary` advertises) stay as long as they can. A table sorted by a column keeps that column
/// before any other (`ClassTableResult.sortedBy`).
struct ClassTableView: TerminalView {
    var result: ClassTableResult

    static let barWidth = 10
    /// Class names are cut no shorter than this (swatch included): `■ traffic …` still reads.
    static let classMinWidth = 12

    /// The per-class columns shared with `summary`, after the class name and any AP columns.
    static let countColumns: [TextTable.Column] = [
        TextTable.Column("precision", .right, priority: 10), TextTable.Column("recall", .right, priority: 10),
        TextTable.Column("F1", .right, priority: 11), TextTable.Column("objects", .right, priority: 1),
        TextTable.Column("preds", .right, priority: 1), TextTable.Column("TP", .right, priority: 5),
        TextTable.Column("FP", .right, priority: 9), TextTable.Column("FN", .right, priority: 9),
    ]

    static let classColumn = TextTable.Column("class", shrink: .end, minWidth: classMinWidth, priority: 20, shrinkPriority: 2)
    static let apColumns = [TextTable.Column("AP", .right, priority: 12), TextTable.Column("AP50", .right, priority: 3)]
    /// pycocotools' per-class detail: shown when the line has room, the first numbers to go.
    static let detailColumns = ClassTotals.detailNames.map { TextTable.Column($0, .right, priority: 1) }
    /// The priority of a column the rows are sorted by: below the class name only.
    static let sortedPriority = 19

    func lines(_ options: RenderOptions) -> [String] {
        let hasAP = result.rows.contains { $0.ap != nil }
        let rowLimit = options.maxRows.map { min($0, result.rows.count) } ?? result.rows.count
        var out = ViewParts.title("Classes at \(ViewParts.pointText(iou: result.point.iou, confidence: result.point.confidence, options))", options)
        var columns = [Self.classColumn]
        if hasAP { columns += Self.apColumns + Self.detailColumns }
        // The bar is decoration: the first to go, without a note.
        columns.append(TextTable.Column(hasAP ? "AP bar" : "F1 bar", priority: 0, noted: false))
        columns += Self.countColumns
        if let sorted = result.sortedBy, let i = columns.firstIndex(where: { $0.header == sorted }), i > 0 {
            columns[i].priority = Self.sortedPriority
        }
        var table = TextTable(columns: columns)
        table.rows = result.rows.prefix(rowLimit).map { row in
            var cells = ClassTableView.cells(row, hasAP: hasAP, bar: true, options)
            // The detail goes after AP and AP50 (the class name and those two come first).
            if hasAP { cells.insert(contentsOf: row.detailValues.map { StyledText(NumberText.fraction($0)) }, at: 3) }
            return cells
        }
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
