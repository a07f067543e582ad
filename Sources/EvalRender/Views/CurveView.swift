import EvalFormats
import EvalQuery

/// `pr [CLASS]`: precision against recall on a braille canvas, both axes from 0 to 1, one
/// colour per series, the operating point marked. Points at −1 (a class without ground
/// truth) are left out. Without colour the series differ in their line instead: the first
/// solid, the next dotted, then sparser (`Stroke`), and so do their legend markers.
struct CurveView: TerminalView {
    var curve: CurveResult

    static let axisLabelWidth = 4

    /// A canvas of values in [0, 1] on both axes, framed: the left axis labelled 1, 0.5 and 0,
    /// the bottom axis with 0, 0.5 and 1 under the canvas's first, middle and last columns (the
    /// precision-recall curves of `pr`, the threshold curves of `sweep`).
    static func framed(_ canvas: BrailleCanvas, rows: Int, columns: Int, _ options: RenderOptions) -> [String] {
        let g = options.glyphs
        let axis = options.color ? Style.dim : Style.plain
        var out: [String] = []
        for (r, line) in canvas.lines(ascii: options.ascii).enumerated() {
            let label = r == 0 ? "1" : r == rows / 2 ? "0.5" : r == rows - 1 ? "0" : ""
            let tick = label.isEmpty ? String(g.vertical) : (options.ascii ? "+" : "┤")
            out.append(
                StyledText(label).padded(to: axisLabelWidth - 1, alignment: .right).plain + " "
                    + axis.apply(tick) + line.rendered(color: options.color))
        }
        let indent = String(repeating: " ", count: axisLabelWidth)
        out.append(indent + axis.apply(String(g.joins[2][0]) + String(repeating: g.horizontal, count: columns)))
        var labels = Array(repeating: Character(" "), count: columns + 1)
        for (position, text) in [(1, "0"), (columns / 2, "0.5"), (columns, "1")] {
            for (k, ch) in text.enumerated() where position + k < labels.count { labels[position + k] = ch }
        }
        out.append(indent + String(labels))
        return out
    }

    func lines(_ options: RenderOptions) -> [String] {
        let g = options.glyphs
        var out = ViewParts.title(curve.title, options)
        let columns = max(10, options.width - CurveView.axisLabelWidth - 1)
        let rows = min(20, max(6, columns / 4))
        var canvas = BrailleCanvas(columns: columns, rows: rows)
        let xMax = Double(canvas.dotWidth - 1), yMax = Double(canvas.dotHeight - 1)
        func dot(_ recall: Double, _ precision: Double) -> (Int, Int) {
            (Int((min(1, max(0, recall)) * xMax).rounded()), Int(((1 - min(1, max(0, precision))) * yMax).rounded()))
        }
        for (s, series) in curve.series.enumerated() {
            let points = series.precision.prefix(curve.recall.count).enumerated().map { i, p in p >= 0 ? dot(curve.recall[i], p) : nil }
            if options.color {
                canvas.path(points, ClassPalette.style(s))
            } else {
                let stroke = Stroke(s)
                canvas.path(points, .plain, every: stroke.every, asciiMark: stroke.asciiMark)
            }
        }
        if let op = curve.operatingPoint {
            let (x, y) = dot(op.recall, op.precision)
            canvas.write(String(g.pointMark), column: x / 2, row: y / 4, .bold)
        }

        out += CurveView.framed(canvas, rows: rows, columns: columns, options)
        out += legend(options)
        return out
    }

    /// How a series is drawn without colour, by its place: solid, dotted (one dot in two),
    /// then sparser (one in three), with a legend marker for each.
    struct Stroke {
        /// One dot in `every` along the curve is drawn.
        let every: Int
        /// The legend marker, in Unicode and in ASCII.
        let marker: String
        let asciiMarker: String
        /// What the series' cells show in ASCII, where a dotted line would look like a solid one;
        /// nil for the first series (`'`, `.` or `:` by where its dots are).
        let asciiMark: Character?

        init(_ series: Int) {
            switch series {
            case 0: (every, marker, asciiMarker, asciiMark) = (1, "━", ":", nil)
            case 1: (every, marker, asciiMarker, asciiMark) = (2, "┅", "*", "*")
            default: (every, marker, asciiMarker, asciiMark) = (3, "┈", "o", "o")
            }
        }
    }

    private func legend(_ options: RenderOptions) -> [String] {
        let g = options.glyphs
        var items: [StyledText] = [StyledText("precision (up) against recall (right)", .dim)]
        items += curve.series.enumerated().map { s, series in
            let marker = options.color ? g.square : (options.ascii ? Stroke(s).asciiMarker : Stroke(s).marker)
            return StyledText(marker + " ", options.color ? ClassPalette.style(s) : .plain) + StyledText(series.name)
        }
        if let op = curve.operatingPoint {
            items.append(StyledText(String(g.pointMark) + " operating point", .bold)
                + StyledText(" (recall \(NumberText.fraction(op.recall)), precision \(NumberText.fraction(op.precision)))"))
        }
        return ViewParts.legend(items, separator: "  \(g.middleDot) ", options)
    }
}
