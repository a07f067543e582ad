import EvalCore
import EvalFormats
import EvalQuery

/// `sweep [CLASS]`: precision, recall and F1 (up) against the confidence threshold (right) on a
/// braille canvas, both axes from 0 to 1, the best-F1 point marked; then the best-F1 threshold
/// per class and overall.
struct SweepView: TerminalView {
    var result: SweepResult

    static let series = ["precision", "recall", "F1"]

    func lines(_ options: RenderOptions) -> [String] {
        let g = options.glyphs
        let iou = NumberText.precise(result.sweep.iou)
        var out = ViewParts.title("confidence sweep, \(result.subject), IoU \(iou)", options)
        let curve = result.curve
        guard curve.count > 0 else { return out + ViewParts.note("no prediction to sweep", options) }
        let columns = max(10, options.width - CurveView.axisLabelWidth - 1)
        let rows = min(20, max(6, columns / 4))
        var canvas = BrailleCanvas(columns: columns, rows: rows)
        let xMax = Double(canvas.dotWidth - 1), yMax = Double(canvas.dotHeight - 1)
        func dot(_ confidence: Double, _ value: Double) -> (Int, Int) {
            (Int((min(1, max(0, confidence)) * xMax).rounded()), Int(((1 - min(1, max(0, value))) * yMax).rounded()))
        }
        // The curves are steps that change at each distinct score: read them at each dot column's
        // threshold (the last point at or above it), not at each of up to 390,000 scores.
        let columnPoints: [(Int, ConfidenceSweep.Point)] = (0...Int(xMax)).compactMap { x in
            let threshold = Double(x) / xMax
            var low = 0, high = curve.count  // first index whose confidence is below the threshold
            while low < high {
                let mid = (low + high) / 2
                if curve.confidence[mid] >= threshold { low = mid + 1 } else { high = mid }
            }
            return low == 0 ? nil : (x, curve.point(low - 1))
        }
        let values: [(ConfidenceSweep.Point) -> Double] = [{ $0.precision }, { $0.recall }, { $0.f1 }]
        for (s, value) in values.enumerated() {
            let path: [(Int, Int)?] = columnPoints.map { x, p in (x, dot(0, value(p)).1) }
            if options.color {
                canvas.path(path, ClassPalette.style(s))
            } else {
                let stroke = CurveView.Stroke(s)
                canvas.path(path, .plain, every: stroke.every, asciiMark: stroke.asciiMark)
            }
        }
        let best = curve.best
        if let best {
            let (x, y) = dot(best.confidence, best.f1)
            canvas.write(String(g.pointMark), column: x / 2, row: y / 4, .bold)
        }
        out += CurveView.framed(canvas, rows: rows, columns: columns, options)
        out += legend(best, options)
        out.append("")
        let table = ResultTable(
            title: "best F1", columns: SweepResult.columns,
            rows: result.bestRows.map { [.string($0.name)] + SweepResult.cells($0.best) },
            notes: ["F1 = 2·TP / (2·TP + FP + FN) at each distinct score; metric confidence=best keeps the overall one"])
        return out + GenericTableView(table: table).lines(options)
    }

    private func legend(_ best: ConfidenceSweep.Point?, _ options: RenderOptions) -> [String] {
        let g = options.glyphs
        var items: [StyledText] = [StyledText("value (up) against confidence threshold (right)", .dim)]
        items += Self.series.enumerated().map { s, name in
            let stroke = CurveView.Stroke(s)
            let marker = options.color ? g.square : (options.ascii ? stroke.asciiMarker : stroke.marker)
            return StyledText(marker + " ", options.color ? ClassPalette.style(s) : .plain) + StyledText(name)
        }
        if let best {
            items.append(StyledText(String(g.pointMark) + " best F1", .bold)
                + StyledText(" \(NumberText.fixed(best.f1, places: 3)) at confidence \(NumberText.precise(best.confidence))"))
        }
        items.append(StyledText("current confidence \(NumberText.precise(result.currentConfidence))", .dim))
        return ViewParts.legend(items, separator: "  \(g.middleDot) ", options)
    }
}
