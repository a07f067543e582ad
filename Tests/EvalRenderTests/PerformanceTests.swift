import EvalQuery
import XCTest

@testable import EvalRender

/// COCO-scale views (80 classes, 5,000 rows) render whole. Their speed is measured by
/// `bench/benchmark.py`, never asserted here: wall times on a shared machine are not outcomes.
final class PerformanceTests: XCTestCase {
    func testLargeViewsRenderWhole() {
        let list = QueryResult.images(COCOFixtures.imageList(rows: 5000))
        let csv = render(list, options: RenderOptions(format: .csv))
        XCTAssertEqual(csv.split(separator: "\n").count, 1 + 5000, "a header and every row")
        let table = render(list, options: RenderOptions(color: true, width: 200, maxRows: nil))
        XCTAssertGreaterThanOrEqual(table.split(separator: "\n").count, 5000)
        let heatmap = render(.matrix(COCOFixtures.matrix()), options: RenderOptions(color: true, width: 200))
        XCTAssertFalse(heatmap.isEmpty)
    }
}
