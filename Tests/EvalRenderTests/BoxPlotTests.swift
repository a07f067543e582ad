import EvalCore
import EvalQuery
import XCTest

@testable import EvalRender

/// `show`'s drawing: as large as the line allows, and markers beside the boxes, not on them.
final class BoxPlotTests: XCTestCase {
    func testTheCanvasUsesTheWidthAtTheImagesAspect() {
        // 640×366 at 100 columns: the frame takes 2, 98 columns of 2 dots, rows of 4 dots.
        let wide = BoxPlot.size(imageWidth: 640, imageHeight: 366, maxColumns: 98)
        XCTAssertEqual(wide.columns, 98)
        XCTAssertEqual(wide.rows, 28)
        // A portrait image is bounded by the height instead: 40 rows, 2·40·(480/640) columns.
        let tall = BoxPlot.size(imageWidth: 480, imageHeight: 640, maxColumns: 98)
        XCTAssertEqual(tall.rows, BoxPlot.defaultMaxRows)
        XCTAssertEqual(tall.columns, 60)
        XCTAssertEqual(BoxPlot.maxRows(height: 45), 39)
        XCTAssertEqual(BoxPlot.size(imageWidth: 480, imageHeight: 640, maxColumns: 98, maxRows: BoxPlot.maxRows(height: 30)).rows, 24)
    }

    func testShowDrawsAtTheFullWidth() {
        let text = render(.imageView(HandFixtures.pixelView), options: RenderOptions(width: 100, maxRows: nil))
        let frame = text.split(separator: "\n").filter { $0.hasPrefix("│") && $0.hasSuffix("│") && !$0.contains(" │ ") }
        XCTAssertEqual(frame.first.map { DisplayWidth.of(String($0)) }, 100)
        XCTAssertEqual(frame.count, 37, "640×480 at 98 columns: 98·480/(2·640) rows")
    }

    func testMarkersDoNotCoverBoxLines() {
        let view = HandFixtures.pixelView
        var unmarked = view
        unmarked.objects = view.objects.map { o in
            var o = o
            if o.fate == .missed || o.fate == .falsePositive { o.fate = .truePositive }
            return o
        }
        for columns in [38, 78, 98] {
            let marked = BoxPlot(view: view).draw(maxColumns: columns, glyphs: .unicode).lines(ascii: false).map { Array($0.plain) }
            let plain = BoxPlot(view: unmarked).draw(maxColumns: columns, glyphs: .unicode).lines(ascii: false).map { Array($0.plain) }
            var markers = 0
            for (r, line) in marked.enumerated() {
                for (c, ch) in line.enumerated() where ch != plain[r][c] {
                    markers += 1
                    XCTAssertEqual(plain[r][c], " ", "at \(columns) columns, row \(r) column \(c): \(ch) covers a line")
                }
            }
            XCTAssertEqual(markers, 4, "✗3 and !7 are drawn at \(columns) columns")
        }
    }
}
