import EvalCore
import EvalQuery
import XCTest

@testable import EvalRender

/// Without colour, the series of a precision–recall curve differ in their line and their
/// legend marker: the first solid, the second dotted.
final class CurveStrokeTests: XCTestCase {
    /// Two identical series: only the way they are drawn can tell them apart.
    private func curve(_ series: Int) -> CurveResult {
        let recall = (0...100).map { Double($0) / 100 }
        let precision = recall.map { 1 - 0.6 * $0 }
        let all = [CurveResult.Series(name: "IoU 0.50", precision: precision), .init(name: "IoU 0.50:0.95", precision: precision)]
        return CurveResult(title: "pr", recall: recall, series: Array(all.prefix(series)), operatingPoint: nil)
    }

    /// The number of braille dots drawn on the canvas lines.
    private func dots(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { count, scalar in
            guard (0x2801...0x28FF).contains(scalar.value) else { return count }
            return count + (scalar.value - 0x2800).nonzeroBitCount
        }
    }

    func testLegendMarkersDifferWithoutColour() {
        let text = render(.curve(curve(2)), options: RenderOptions(color: false, width: 80))
        XCTAssertTrue(text.contains("━ IoU 0.50  · ┅ IoU 0.50:0.95"), text)
        let ascii = render(.curve(curve(2)), options: RenderOptions(color: false, ascii: true, width: 80))
        XCTAssertTrue(ascii.contains(": IoU 0.50  - * IoU 0.50:0.95"), ascii)
    }

    func testLegendKeepsColouredSwatchesWithColour() {
        let text = DisplayWidth.stripEscapes(render(.curve(curve(2)), options: RenderOptions(color: true, width: 80)))
        XCTAssertTrue(text.contains("■ IoU 0.50  · ■ IoU 0.50:0.95"), text)
    }

    func testSecondSeriesIsDottedWithoutColour() {
        // The same line drawn as the first series, then as the second (the first left out: −1).
        var first = curve(2)
        first.series.removeLast()
        var second = curve(2)
        second.series[0].precision = second.series[0].precision.map { _ in -1 }
        let solid = dots(render(.curve(first), options: RenderOptions(color: false, width: 80)))
        let dotted = dots(render(.curve(second), options: RenderOptions(color: false, width: 80)))
        XCTAssertGreaterThan(solid, 100)
        // One dot in two: about half, the operating point and axes having no braille.
        XCTAssertEqual(Double(dotted), Double(solid) / 2, accuracy: 2)
        // With colour both are solid; the colour tells them apart.
        XCTAssertEqual(dots(render(.curve(second), options: RenderOptions(color: true, width: 80))), solid)
    }

    func testPathSpacesDotsEvenlyAcrossSegments() {
        var canvas = BrailleCanvas(columns: 10, rows: 1)
        // Three segments of a horizontal line: 20 dots, every other one set.
        canvas.path([(0, 0), (5, 0), (12, 0), (19, 0)], .plain, every: 2)
        XCTAssertEqual(canvas.lines(ascii: false)[0].plain, String(repeating: "⠁", count: 10))
    }

    func testASCIIMarksTheSecondSeriesWithStars() {
        let text = render(.curve(curve(2)), options: RenderOptions(color: false, ascii: true, width: 80))
        let canvas = text.split(separator: "\n").dropFirst().prefix(18).joined()
        XCTAssertTrue(canvas.contains("*"), text)
        let one = render(.curve(curve(1)), options: RenderOptions(color: false, ascii: true, width: 80))
        XCTAssertFalse(one.split(separator: "\n").dropFirst().prefix(18).joined().contains("*"), one)
    }
}
