import EvalQuery

/// `boxes …`: one table row per box, as many as the terminal's row setting shows, then how
/// many matched. Only the shown rows are turned into text.
struct BoxListView: TerminalView {
    var list: BoxListResult

    /// Column order on a terminal, by `BoxListResult.columns` index: what a row is first (the
    /// columns dropped on a narrow terminal are the last), then the box as one column.
    static let order = [0, 1, 2, 3, 12, 13, 10, 11, 9, 8]

    /// `x,y w×h` in whole pixels.
    private func box(_ r: Int) -> Cell {
        let t = list.table
        func n(_ v: Double) -> String { String(Int(v.rounded())) }
        return .string("\(n(t.x[r])),\(n(t.y[r])) \(n(t.width[r]))×\(n(t.height[r]))")
    }

    /// Coordinates and areas to a tenth of a pixel, scores and IoUs to three decimals: what a
    /// person compares by eye (data formats keep every digit).
    static func rounded(_ cell: Cell, field: String) -> Cell {
        guard case .double(let v) = cell else { return cell }
        let scale = ["score", "iou"].contains(field) ? 1000.0 : 10.0
        return .double((v * scale).rounded() / scale)
    }

    func lines(_ options: RenderOptions) -> [String] {
        let shown = options.maxRows.map { min($0, list.rows.count) } ?? list.rows.count
        let heading = "\(list.title): \(list.matched) box\(list.matched == 1 ? "" : "es")"
        guard shown > 0 else { return ViewParts.title(heading, options) + ViewParts.note("no box matches", options) }
        var unlimited = options
        unlimited.maxRows = nil
        let table = ResultTable(
            title: heading, columns: Self.order.map { BoxListResult.columns[$0] } + ["box"],
            rows: list.rows.prefix(shown).map { r in
                let cells = list.cells(r)
                return Self.order.map { Self.rounded(cells[$0], field: BoxListResult.columns[$0]) } + [box(r)]
            })
        var out = GenericTableView(table: table).lines(unlimited)
        out += ViewParts.moreRows(shown: shown, total: list.rows.count, options)
        if list.rows.count < list.matched {
            out += ViewParts.note("\(list.matched) boxes matched; the query's limit kept \(list.rows.count)", options)
        }
        return out
    }
}
