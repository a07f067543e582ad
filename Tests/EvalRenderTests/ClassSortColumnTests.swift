import EvalCore
import EvalQuery
import XCTest

@testable import EvalRender

/// On a narrow line, `classes` keeps the column its rows are sorted by, and otherwise keeps
/// AP, F1, precision and recall before the counts.
final class ClassSortColumnTests: XCTestCase {
    /// COCO's first 12 classes with their label-map places, as the executor gives them.
    private var rows: [ClassTotals] {
        COCOFixtures.classes.rows.prefix(12).enumerated().map { i, row in
            var row = row
            row.classIndex = i
            return row
        }
    }

    private func sorted(_ column: String, by key: (ClassTotals) -> Double) -> ClassTableResult {
        ClassTableResult(rows: rows.sorted { key($0) > key($1) }, point: OperatingPoint(), sortedBy: column)
    }

    func testSortedByF1KeepsF1AtForty() {
        let text = render(.classes(sorted("F1") { $0.totals.f1 }), options: RenderOptions(width: 40))
        XCTAssertTrue(tableHeaders(text).contains("F1"), text)
        XCTAssertTrue(tableHeaders(text).contains("class"), text)
    }

    func testSortedByACountKeepsThatCountAtForty() {
        for (name, key) in [("FP", { (r: ClassTotals) in Double(r.totals.fp) }), ("objects", { Double($0.totals.objects) })] {
            let text = render(.classes(sorted(name, by: key)), options: RenderOptions(width: 40))
            XCTAssertTrue(tableHeaders(text).contains(name), "sorted by \(name):\n\(text)")
            for line in text.split(separator: "\n") { XCTAssertLessThanOrEqual(DisplayWidth.of(String(line)), 40) }
        }
    }

    func testUnsortedKeepsRatesBeforeCountsAtForty() {
        let text = render(.classes(ClassTableResult(rows: rows, point: OperatingPoint())), options: RenderOptions(width: 40))
        XCTAssertEqual(tableHeaders(text), ["class", "AP", "F1"], text)
    }

    func testSummaryKeepsPrecisionRecallAndF1BeforeCounts() {
        let text = render(.summary(HandFixtures.cocoSummary), options: RenderOptions(width: 60))
        let lines = text.split(separator: "\n").map(String.init)
        let header = lines.first { $0.contains("│ class") } ?? ""
        for name in ["precision", "recall", "F1"] { XCTAssertTrue(header.contains(name), "\(name) at 60:\n\(text)") }
        XCTAssertFalse(header.contains("objects"), text)
    }
}
