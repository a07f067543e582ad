import EvalFormats
import EvalQuery

/// `log NAME` and `experiments`: one row per stored version. Names, times and messages are what
/// a person scans for, so they stay whole (a message wraps) while the columns that follow from
/// others go first on a narrow line: the edits (wrapped, then left out), kind, images, the
/// operating point, then recall and precision; AP, AP50 and F1 stay longest. Rates and COCO
/// statistics have three decimals, as in every other table.
struct StoredVersionsView: TerminalView {
    var title: String
    /// The experiment's name per row, for `experiments`; nil for `log`.
    var names: [String]?
    var versionCounts: [Int]?
    var entries: [StoredVersionEntry]
    var notes: [String]

    init(_ history: VersionHistoryResult) {
        title = history.table.title ?? ""
        entries = history.versions
        notes = history.table.notes
    }

    init(_ list: ExperimentListResult) {
        title = list.table.title ?? ""
        names = list.experiments.map(\.name)
        versionCounts = list.experiments.map(\.versionCount)
        entries = list.experiments.map(\.latest)
        notes = list.table.notes
    }

    func lines(_ options: RenderOptions) -> [String] {
        var out = ViewParts.title(title, options)
        if !entries.isEmpty {
            out += table.render(width: options.width, glyphs: options.glyphs, color: options.color)
        }
        for note in notes { out += ViewParts.note(note, options) }
        return out
    }

    private var table: TextTable {
        var columns: [TextTable.Column] = []
        if names != nil {
            columns += [
                TextTable.Column("name", shrink: .middle, minWidth: 12, priority: 40, shrinkPriority: 17),
                TextTable.Column("versions", .right, priority: 7),
            ]
        }
        columns += [
            TextTable.Column("version", .right, priority: 36),
            TextTable.Column("pushed", priority: 34),
            TextTable.Column("message", shrink: .wrap, minWidth: 10, priority: 24, shrinkPriority: 30),
            TextTable.Column("AP", .right, priority: 32), TextTable.Column("AP50", .right, priority: 26),
            TextTable.Column("precision", .right, priority: 16), TextTable.Column("recall", .right, priority: 15),
            TextTable.Column("F1", .right, priority: 28),
            TextTable.Column("iou", .right, priority: 12, group: "point"),
            TextTable.Column("confidence", .right, priority: 12, group: "point"),
            TextTable.Column("images", .right, priority: 6), TextTable.Column("kind", priority: 9),
            TextTable.Column("edits", shrink: .wrap, minWidth: 16, priority: 5, shrinkPriority: 3),
        ]
        var table = TextTable(columns: columns)
        table.rows = entries.indices.map { i in
            let e = entries[i]
            var cells: [StyledText] = []
            if let names, let versionCounts { cells += [StyledText(names[i]), StyledText(String(versionCounts[i]))] }
            // pycocotools' -1 (nothing to rank) reads as missing, as in `classes`.
            func rate(_ value: Double?) -> StyledText {
                guard let value, value >= 0 else { return StyledText("—", .dim) }
                return StyledText(NumberText.fraction(value))
            }
            func typed(_ value: Double?) -> StyledText { value.map { StyledText(NumberText.short($0)) } ?? StyledText("—", .dim) }
            cells += [
                StyledText(String(e.number)), StyledText(DateText.local(e.pushedAt)), StyledText(e.message ?? ""),
                rate(e.ap), rate(e.ap50), rate(e.precision), rate(e.recall), rate(e.f1),
                typed(e.point?.iou), typed(e.point?.confidence),
                e.imageCount.map { StyledText(String($0)) } ?? StyledText("—", .dim),
                StyledText(e.hasBoxes ? "boxes" : "payload only"), StyledText(e.edits.joined(separator: "; ")),
            ]
            return cells
        }
        return table
    }
}
