import EvalFormats
import EvalCore
import EvalQuery

/// `summary`: the 12 COCO statistics (or why there are none), the per-class totals at the
/// operating point with an `all` row, and the evaluation's metrics.
struct SummaryView: TerminalView {
    var summary: SummaryResult

    func lines(_ options: RenderOptions) -> [String] {
        let dot = options.glyphs.middleDot
        var header = "Summary: \(summary.name) \(dot) \(summary.imageCount) image\(summary.imageCount == 1 ? "" : "s")"
        if summary.excludedCount > 0 { header += " (\(summary.excludedCount) excluded)" }
        header += " \(dot) " + ViewParts.pointText(iou: summary.point.iou, confidence: summary.point.confidence, options)
        var out = ViewParts.title(header, options)
        out.append("")
        out += cocoLines(options)
        out.append("")
        out += totalsLines(options)
        if !summary.metrics.isEmpty {
            out.append("")
            out += metricsLines(options)
        }
        return out
    }

    /// AP statistics beside the AR ones, as pycocotools prints them in two groups of six.
    private func cocoLines(_ options: RenderOptions) -> [String] {
        guard let coco = summary.coco, coco.count == COCOMetrics.statNames.count else {
            let reason = summary.cocoUnavailable ?? "no boxes loaded"
            return ViewParts.note("COCO metrics: not available (\(reason))", options)
        }
        let names = COCOMetrics.statNames
        var table = TextTable(columns: [
            TextTable.Column("COCO AP"), TextTable.Column("", .right), TextTable.Column("COCO AR"), TextTable.Column("", .right),
        ])
        table.rows = (0..<6).map { i in
            [StyledText(names[i]), SummaryView.stat(coco[i]), StyledText(names[i + 6]), SummaryView.stat(coco[i + 6])]
        }
        return table.render(width: options.width, glyphs: options.glyphs, color: options.color)
    }

    /// pycocotools writes −1 for a statistic with nothing to measure; shown as a dash.
    private static func stat(_ value: Double) -> StyledText {
        value < 0 ? StyledText("—", .dim) : StyledText(NumberText.fraction(value))
    }

    private func totalsLines(_ options: RenderOptions) -> [String] {
        let hasAP = summary.perClass.contains { $0.ap != nil }
        var columns = [ClassTableView.classColumn]
        if hasAP { columns += ClassTableView.apColumns }
        columns += ClassTableView.countColumns
        var table = TextTable(columns: columns)
        let limit = options.maxRows.map { min($0, summary.perClass.count) } ?? summary.perClass.count
        table.rows = summary.perClass.prefix(limit).enumerated().map { i, row in
            [ViewParts.swatch(row.name, classIndex: i, options)]
                + (hasAP ? [StyledText(NumberText.fraction(row.ap.flatMap { $0 < 0 ? nil : $0 })),
                            StyledText(NumberText.fraction(row.ap50.flatMap { $0 < 0 ? nil : $0 }))] : [])
                + SummaryView.cells(row.totals)
        }
        table.rulesBefore = [table.rows.count]
        let all = [StyledText("all", .bold)] + (hasAP ? [StyledText(""), StyledText("")] : [])
            + SummaryView.cells(summary.totals).map { StyledText($0.plain, .bold) }
        table.rows.append(all)
        var out = table.render(width: options.width, glyphs: options.glyphs, color: options.color)
        if limit < summary.perClass.count {
            out += ViewParts.note("\(summary.perClass.count - limit) more classes not shown (set rows \(summary.perClass.count))", options)
        }
        return out
    }

    private static func cells(_ t: Totals) -> [StyledText] {
        [t.precision, t.recall, t.f1].map { StyledText(NumberText.fraction($0)) }
            + [t.objects, t.predictions, t.tp, t.fp, t.fn].map { StyledText(String($0)) }
    }

    private func metricsLines(_ options: RenderOptions) -> [String] {
        var table = TextTable(columns: [TextTable.Column("metric", shrink: .end), TextTable.Column("value", shrink: .end)])
        table.rows = summary.metrics.map { [StyledText($0.key), StyledText(SummaryView.metricText($0.value))] }
        return table.render(width: options.width, glyphs: options.glyphs, color: options.color)
    }

    /// A metric's value on one line: strings bare, numbers with at most four decimals (all their
    /// digits when that would hide them, as for a learning rate of 1e-05), the rest as compact JSON.
    static func metricText(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): return s
        case .number(let d): return d == 0 || abs(d) >= 0.001 ? NumberText.short(d) : NumberText.python(d)
        case .integer(let i): return String(i)
        default: return JSONNode(value).serialized(indent: nil)
        }
    }
}
