import EvalQuery
import XCTest

@testable import EvalRender

/// Rendering stays interactive at COCO scale: 80 classes, 5,000 rows.
final class PerformanceTests: XCTestCase {
    private func seconds(_ work: () -> Void) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        work()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    func testLargeViewsRenderQuickly() {
        let list = QueryResult.images(COCOFixtures.imageList(rows: 5000))
        let matrix = QueryResult.matrix(COCOFixtures.matrix())
        // Generous bounds for unoptimized debug builds on a shared machine; release is far faster.
        let all = seconds { _ = render(list, options: RenderOptions(color: true, width: 200, maxRows: nil)) }
        let csv = seconds { _ = render(list, options: RenderOptions(format: .csv)) }
        let heatmap = seconds { _ = render(matrix, options: RenderOptions(color: true, width: 200)) }
        print("render 5,000 rows: \(all)s, csv: \(csv)s, 80-class matrix: \(heatmap)s")
        XCTAssertLessThan(all, 3)
        XCTAssertLessThan(csv, 3)
        XCTAssertLessThan(heatmap, 1)
    }
}
