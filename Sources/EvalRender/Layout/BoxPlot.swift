import EvalQuery

/// Draws an image's boxes on a braille canvas at the image's aspect ratio: ground truth
/// solid, predictions dashed, each in its class colour; a missed object gets `✗N` at its
/// top-left corner and a false positive `!N` at its top-right corner (N its row in the table).
/// Predictions below the confidence threshold are not part of the operating point and not drawn.
struct BoxPlot {
    let view: ImageViewResult
    /// The tallest the drawing may be, in lines.
    static let maxRows = 24

    /// The canvas size in cells for a frame at most `maxColumns` wide: dots are square, so an
    /// image `w × h` takes `c` columns and `c·h / (2w)` rows.
    static func size(imageWidth: Double, imageHeight: Double, maxColumns: Int) -> (columns: Int, rows: Int) {
        let aspect = imageWidth > 0 && imageHeight > 0 ? imageHeight / imageWidth : 1
        var columns = max(4, maxColumns)
        var rows = Int((Double(columns) * aspect / 2).rounded())
        if rows > maxRows {
            rows = maxRows
            columns = min(columns, max(4, Int((Double(rows) * 2 / aspect).rounded())))
        }
        return (columns, max(2, rows))
    }

    func draw(maxColumns: Int, glyphs: Glyphs) -> BrailleCanvas {
        let (columns, rows) = BoxPlot.size(imageWidth: view.width, imageHeight: view.height, maxColumns: maxColumns)
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
            let (x0, y0, x1, _) = dots(object)
            switch (object.kind, object.fate) {
            case (.groundTruth, .missed):
                canvas.write(glyphs.missedMark + String(index + 1), column: x0 / 2, row: y0 / 4, .missed)
            case (.prediction, .falsePositive):
                let label = glyphs.falsePositiveMark + String(index + 1)
                canvas.write(label, column: x1 / 2 - label.count + 1, row: y0 / 4, .falsePositive)
            default: break
            }
        }
        return canvas
    }
}
