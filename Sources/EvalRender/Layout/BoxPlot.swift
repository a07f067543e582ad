import EvalQuery

/// Draws an image's boxes on a braille canvas at the image's aspect ratio: ground truth
/// solid, predictions dashed, each in its class colour; a missed object gets `✗N` at its
/// top-left corner and a false positive `!N` at its top-right corner (N its row in the table).
/// Predictions below the confidence threshold are not part of the operating point and not drawn.
struct BoxPlot {
    let view: ImageViewResult
    /// The tallest the drawing may be, in lines, when the terminal's height is unknown.
    static let defaultMaxRows = 40

    /// The tallest the drawing may be for a terminal `height` lines tall (nil: unknown): the
    /// height less a few lines for the title and prompt, else `defaultMaxRows`.
    static func maxRows(height: Int?) -> Int {
        height.map { max(8, $0 - 6) } ?? defaultMaxRows
    }

    /// The canvas size in cells for a frame at most `maxColumns` wide and `maxRows` tall: a cell
    /// is twice as tall as wide and holds 2×4 braille dots, so dots are square and an image
    /// `w × h` takes `c` columns and `c·h / (2w)` rows. The full width is used unless that would
    /// be taller than `maxRows`, then the width follows from the height.
    static func size(imageWidth: Double, imageHeight: Double, maxColumns: Int, maxRows: Int = defaultMaxRows) -> (columns: Int, rows: Int) {
        let aspect = imageWidth > 0 && imageHeight > 0 ? imageHeight / imageWidth : 1
        var columns = max(4, maxColumns)
        var rows = Int((Double(columns) * aspect / 2).rounded())
        if rows > maxRows {
            rows = maxRows
            columns = min(columns, max(4, Int((Double(rows) * 2 / aspect).rounded())))
        }
        return (columns, max(2, rows))
    }

    func draw(maxColumns: Int, maxRows: Int = defaultMaxRows, glyphs: Glyphs) -> BrailleCanvas {
        let (columns, rows) = BoxPlot.size(imageWidth: view.width, imageHeight: view.height, maxColumns: maxColumns, maxRows: maxRows)
        var canvas = BrailleCanvas(columns: columns, rows: rows)
        let sx = Double(canvas.dotWidth - 1) / max(view.width, .leastNonzeroMagnitude)
        let sy = Double(canvas.dotHeight - 1) / max(view.height, .leastNonzeroMagnitude)
        func dots(_ o: ViewObject) -> (Int, Int, Int, Int) {
            (Int((o.box.x * sx).rounded()), Int((o.box.y * sy).rounded()),
             Int(((o.box.x + o.box.width) * sx).rounded()), Int(((o.box.y + o.box.height) * sy).rounded()))
        }
        let drawn = view.objects.enumerated().filter { $0.element.fate != .belowConfidence }
        // Ground truth first, so that predictions on top of it stay visible.
        let ordered = drawn.filter { $0.element.kind == .groundTruth } + drawn.filter { $0.element.kind == .prediction }
        for (_, object) in ordered {
            let (x0, y0, x1, y1) = dots(object)
            canvas.rectangle(x0: x0, y0: y0, x1: x1, y1: y1, ClassPalette.style(object.classIndex), dashed: object.kind == .prediction)
        }
        for (index, object) in ordered {
            let (x0, y0, x1, y1) = dots(object)
            let label: String
            let style: Style
            let anchor: Int
            switch (object.kind, object.fate) {
            case (.groundTruth, .missed):
                (label, style) = (glyphs.missedMark + String(index + 1), .missed)
                anchor = x0 / 2
            case (.prediction, .falsePositive):
                (label, style) = (glyphs.falsePositiveMark + String(index + 1), .falsePositive)
                anchor = x1 / 2 - label.count + 1
            default: continue
            }
            let (column, row) = BoxPlot.place(label, anchor: anchor, top: y0 / 4, bottom: y1 / 4, on: canvas)
            canvas.write(label, column: column, row: row, style)
        }
        return canvas
    }

    /// Where a marker goes near its box's top corner without covering lines: just above the box,
    /// just inside it, just below it, then shifted sideways; on the corner itself when every
    /// place nearby is taken.
    static func place(_ label: String, anchor: Int, top: Int, bottom: Int, on canvas: BrailleCanvas) -> (column: Int, row: Int) {
        let length = label.count
        let clamped = min(max(0, anchor), max(0, canvas.columns - length))
        var candidates = [(clamped, top - 1), (clamped, top + 1), (clamped, bottom + 1)]
        for shift in [1, -1, 2, -2] {
            candidates += [(clamped + shift, top - 1), (clamped + shift, top + 1)]
        }
        for (column, row) in candidates where canvas.isBlank(column: column, row: row, length: length) {
            return (column, row)
        }
        return (clamped, top)
    }
}
