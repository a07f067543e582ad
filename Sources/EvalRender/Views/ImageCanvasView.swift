import EvalFormats
import EvalQuery
import Foundation

/// `show FILENAME`: the image's objects as a table (kind, class, box, score, fate, IoU, match)
/// and a drawing of their boxes in a frame, with a legend.
struct ImageCanvasView: TerminalView {
    var view: ImageViewResult

    func lines(_ options: RenderOptions) -> [String] {
        let g = options.glyphs
        let dot = g.middleDot
        let size = view.normalized ? "normalized boxes" : "\(NumberText.short(view.width))×\(NumberText.short(view.height))"
        let point = ViewParts.pointText(iou: view.point.iou, confidence: view.point.confidence, options)
        let header = (view.subject.map { "\($0): " } ?? "") + "\(view.filename) \(dot) \(size) \(dot) " + point
        var out: [String]
        // `set expanded`: the header as a record, when asked or (auto) when it would wrap.
        if options.expanded == .on || (options.expanded == .auto && DisplayWidth.of(header) > options.width) {
            let fields = (view.subject.map { [("compare", StyledText($0))] } ?? [])
                + [("image", StyledText(view.filename)), ("size", StyledText(size)), ("operating point", StyledText(point)),
                   ("ground truth", StyledText(String(view.objects.filter { $0.kind == .groundTruth }.count))),
                   ("predictions", StyledText(String(view.objects.filter { $0.kind == .prediction }.count)))]
            out = ExpandedRecordView(title: nil, fields: fields.map { (key: $0.0, value: $0.1) }).lines(options)
        } else {
            out = ViewParts.title(header, options)
        }
        out += objectTable(options)
        out += frame(options)
        out += legend(options)
        return out
    }

    /// The objects as a table. On a narrow line the box goes first, whole (numbers cut short
    /// say nothing), then the match, then the kind (a prediction has a score); class and fate
    /// stay readable (a long fate wraps, `confused as car` shortens to `as car`) before score
    /// and IoU. A score, IoU or match column empty in every row shown is left out.
    private func objectTable(_ options: RenderOptions) -> [String] {
        var columns = [
            TextTable.Column("#", .right, priority: 10),
            TextTable.Column("kind", priority: 4),
            TextTable.Column("class", shrink: .end, minWidth: ImageCanvasView.classMinWidth, priority: 9, shrinkPriority: 5),
            TextTable.Column("box x y w h", priority: 1),
            TextTable.Column("score", .right, priority: 8),
            TextTable.Column("fate", shrink: .wrap, minWidth: ImageCanvasView.fateMinWidth, priority: 9, shrinkPriority: 5),
            TextTable.Column("IoU", .right, priority: 7),
            TextTable.Column("match", .right, priority: 3),
        ]
        let shown = options.maxRows.map { min($0, view.objects.count) } ?? view.objects.count
        let objects = view.objects.prefix(shown)
        func row(_ i: Int, _ o: ViewObject, shortFates: Bool) -> [StyledText] {
            let box = [o.box.x, o.box.y, o.box.width, o.box.height]
                .map { view.normalized ? NumberText.fraction($0) : NumberText.fixed($0, places: 1) }.joined(separator: " ")
            return [
                StyledText(String(i + 1)), StyledText(o.kind == .groundTruth ? "gt" : "pred"),
                ViewParts.swatch(view.className(o.classIndex), classIndex: o.classIndex, options), StyledText(box),
                StyledText(o.score.map { NumberText.fraction($0) } ?? "—", o.score == nil ? .dim : .plain),
                StyledText(shortFates ? shortFateText(o) : view.fateText(o), fateStyle(o.fate)),
                StyledText(o.iou.map { NumberText.fraction($0) } ?? "—", o.iou == nil ? .dim : .plain),
                StyledText(o.match.map { String($0 + 1) } ?? "—", o.match == nil ? .dim : .plain),
            ]
        }
        // Columns with nothing to show in these rows (a score on ground truth only, say).
        let empty = [
            (4, objects.allSatisfy { $0.score == nil }), (6, objects.allSatisfy { $0.iou == nil }),
            (7, objects.allSatisfy { $0.match == nil }),
        ].filter { !objects.isEmpty && $0.1 }.map(\.0)
        let emptyNames = empty.map { columns[$0].header }
        let kept = columns.indices.filter { !empty.contains($0) }
        columns = kept.map { columns[$0] }
        func rows(shortFates: Bool) -> [[StyledText]] {
            objects.enumerated().map { i, o in
                let cells = row(i, o, shortFates: shortFates)
                return kept.map { cells[$0] }
            }
        }
        var table = TextTable(columns: columns, rows: rows(shortFates: false))
        let fate = columns.firstIndex { $0.header == "fate" }!
        let (fits, widths) = table.fitted(width: options.width, glyphs: options.glyphs)
        let fateWidth = table.rows.map { $0[fate].width }.max() ?? 0
        if fits.contains(fate) && widths[fate] < fateWidth {
            table.rows = rows(shortFates: true)
        }
        var out = table.render(width: options.width, glyphs: options.glyphs, color: options.color)
        if !emptyNames.isEmpty {
            out += ViewParts.note("empty in these rows, left out: " + emptyNames.joined(separator: ", "), options)
        }
        return out + ViewParts.moreRows(shown: shown, total: view.objects.count, options)
    }

    /// Class names are cut no shorter than this (swatch included): `■ pedestr…` still reads.
    static let classMinWidth = 10
    /// Fates wrap no narrower than this: `below` / `confidence`.
    static let fateMinWidth = 10

    /// A fate in few words, for a narrow fate column: a confusion says only the other class.
    private func shortFateText(_ object: ViewObject) -> String {
        guard case .confused(let other) = object.fate else { return view.fateText(object) }
        return (object.kind == .groundTruth ? "as " : "is ") + view.className(other)
    }

    private func fateStyle(_ fate: ViewObject.Fate) -> Style {
        switch fate {
        case .falsePositive: return .falsePositive
        case .missed, .confused: return .missed
        case .belowConfidence, .unknown, .crowd, .setAside: return .dim
        case .truePositive: return .plain
        }
    }

    /// The drawing inside a box-drawn frame (the frame is the image's border).
    private func frame(_ options: RenderOptions) -> [String] {
        let g = options.glyphs
        let canvas = BoxPlot(view: view).draw(maxColumns: options.width - 2, maxRows: BoxPlot.maxRows(height: options.height), glyphs: g)
        let border = options.color ? Style.dim : Style.plain
        let horizontal = String(repeating: g.horizontal, count: canvas.columns)
        var out = [border.apply(String(g.joins[0][0]) + horizontal + String(g.joins[0][2]))]
        let side = border.apply(String(g.vertical))
        for line in canvas.lines(ascii: options.ascii) {
            out.append(side + line.rendered(color: options.color) + side)
        }
        out.append(border.apply(String(g.joins[2][0]) + horizontal + String(g.joins[2][2])))
        return out
    }

    private func legend(_ options: RenderOptions) -> [String] {
        let g = options.glyphs
        var items: [StyledText] = [
            StyledText("solid: ground truth"), StyledText("dashed: prediction"),
            StyledText(g.missedMark + "N", .missed) + " missed", StyledText(g.falsePositiveMark + "N", .falsePositive) + " false positive",
        ]
        if options.color {
            var seen = Set<Int>()
            for o in view.objects where seen.insert(o.classIndex).inserted {
                items.append(ViewParts.swatch(view.className(o.classIndex), classIndex: o.classIndex, options))
            }
        }
        if view.objects.contains(where: { $0.fate == .belowConfidence }) {
            items.append(StyledText("predictions below confidence not drawn", .dim))
        }
        return ViewParts.legend(items, separator: "  \(g.middleDot) ", options)
    }
}
