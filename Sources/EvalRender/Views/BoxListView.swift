import EvalFormats
import EvalQuery

/// `boxes …`: one table row per box, as many as the terminal's row setting shows, then how
/// many matched. Only the shown rows are turned into text.
///
/// On a narrow line the image name narrows in its middle (both ends of a file name tell images
/// apart), and the columns that follow from others go first: the area (the box's size says it),
/// then the size range, the match and the IoU; what a row is (image, kind, class, score, fate)
/// stays longest.
struct BoxListView: TerminalView {
    var list: BoxListResult

    /// One shown column: the `BoxListResult.columns` index it reads (nil for the box), how it is
    /// laid out, and how many places its numbers get.
    private struct Shown {
        var field: Int?
        var column: TextTable.Column
        var places: Int = 0
    }

    private static let shown: [Shown] = [
        Shown(field: 0, column: TextTable.Column("image", shrink: .middle, minWidth: 10, priority: 30, shrinkPriority: 13)),
        Shown(field: 1, column: TextTable.Column("kind", priority: 25)),
        Shown(field: 2, column: TextTable.Column("class", shrink: .end, minWidth: 8, priority: 28, shrinkPriority: 5)),
        Shown(field: 3, column: TextTable.Column("score", .right, priority: 20), places: 3),
        Shown(field: 12, column: TextTable.Column("fate", priority: 24)),
        Shown(field: 13, column: TextTable.Column("error", priority: 18)),
        Shown(field: 10, column: TextTable.Column("iou", .right, priority: 12), places: 3),
        Shown(field: 11, column: TextTable.Column("match", shrink: .end, minWidth: 6, priority: 10, shrinkPriority: 3)),
        Shown(field: 9, column: TextTable.Column("range", priority: 6)),
        Shown(field: 8, column: TextTable.Column("area", .right, priority: 2), places: 1),
        Shown(field: nil, column: TextTable.Column("box", priority: 14)),
    ]

    /// `x,y w×h` in whole pixels.
    private func box(_ r: Int) -> String {
        let t = list.table
        func n(_ v: Double) -> String { String(Int(v.rounded())) }
        return "\(n(t.x[r])),\(n(t.y[r])) \(n(t.width[r]))×\(n(t.height[r]))"
    }

    /// Coordinates and areas to a tenth of a pixel, scores and IoUs to three decimals: what a
    /// person compares by eye (data formats keep every digit).
    private static func text(_ cell: Cell, places: Int) -> StyledText {
        switch cell {
        case .null: return StyledText("—", .dim)
        case .double(let v): return StyledText(NumberText.fixed(v, places: places))
        case .string(let s): return StyledText(s)
        default: return GenericTableView.text(cell)
        }
    }

    func lines(_ options: RenderOptions) -> [String] {
        let shownRows = options.maxRows.map { min($0, list.rows.count) } ?? list.rows.count
        let heading = "\(list.title): \(list.matched) box\(list.matched == 1 ? "" : "es")"
        guard shownRows > 0 else { return ViewParts.title(heading, options) + ViewParts.note("no box matches", options) }
        var table = TextTable(columns: Self.shown.map(\.column))
        table.rows = list.rows.prefix(shownRows).map { r in
            let cells = list.cells(r)
            return Self.shown.map { s in s.field.map { Self.text(cells[$0], places: s.places) } ?? StyledText(box(r)) }
        }
        var out = ViewParts.title(heading, options)
        out += table.render(width: options.width, glyphs: options.glyphs, color: options.color)
        out += ViewParts.moreRows(shown: shownRows, total: list.rows.count, options)
        if list.rows.count < list.matched {
            out += ViewParts.note("\(list.matched) boxes matched; the query's limit kept \(list.rows.count)", options)
        }
        return out
    }
}
