import EvalCore
import EvalQuery
@testable import EvalRender
import XCTest

/// The compare results' layouts, on hand-written values: which changes carry ▲/▼ (a direction),
/// and the difference matrix's signs.
final class CompareTableTests: XCTestCase {
    private func summary(sharedPoint: OperatingPoint?) -> CompareSummaryResult {
        CompareSummaryResult(
            a: "base", b: "cand",
            rows: [
                .init(name: "AP", a: 0.5, b: 0.25, dependsOnPoint: false, higherIsBetter: true),
                .init(name: "FP", a: 3, b: 4, dependsOnPoint: true, higherIsBetter: false, whole: true),
                .init(name: "AP50", a: nil, b: 0.5, dependsOnPoint: false, higherIsBetter: true),
            ],
            sharedPoint: sharedPoint, recordedSides: [], missing: [("base", .noBoxes)])
    }

    func testSummaryChangesHaveNoDirectionAcrossOperatingPointsExceptCOCOStatistics() {
        let mixed = summary(sharedPoint: nil).table
        XCTAssertEqual(mixed.columns, ["value", "base", "cand", "change"])
        XCTAssertEqual(mixed.rows[0], [.string("AP"), .double(0.5), .double(0.25), .change(-0.25, higherIsBetter: true, whole: false)])
        XCTAssertEqual(mixed.rows[1], [.string("FP"), .int(3), .int(4), .change(1, higherIsBetter: nil, whole: true)])
        XCTAssertEqual(mixed.rows[2], [.string("AP50"), .null, .double(0.5), .null])
        XCTAssertEqual(mixed.notes, ["base has no COCO statistics: no boxes, and none recorded in its metrics"])
        let aligned = summary(sharedPoint: OperatingPoint(iou: 0.5, confidence: 0.25)).table
        XCTAssertEqual(aligned.rows[1].last, .change(1, higherIsBetter: false, whole: true))
        XCTAssertEqual(aligned.notes.first, "operating point of both: iou=0.5 confidence=0.25")
    }

    /// One class: A found 3 and missed 1, B found 4; B has one false positive more.
    func testMatrixDifferenceIsBetterOnTheDiagonalOnly() {
        let result = CompareMatrixResult(
            a: "a", b: "b", labels: ["car"], countsA: [[3, 1], [0, 0]], countsB: [[4, 0], [1, 0]], mixedPoints: false, notes: [])
        XCTAssertEqual(result.difference, [[1, -1], [1, 0]])
        let table = result.table
        XCTAssertEqual(table.columns, ["gt \\ pred", "car", "none"])
        XCTAssertEqual(table.rows[0], [.string("car"), .change(1, higherIsBetter: true, whole: true), .change(-1, higherIsBetter: false, whole: true)])
        XCTAssertEqual(table.rows[1], [.string("none"), .change(1, higherIsBetter: false, whole: true), .int(0)])
    }

    /// Every format writes the same rows: CSV one line per row after the header.
    func testImagesInEveryFormat() {
        let result = CompareImagesResult(
            a: "a", b: "b", predicate: "FN > 0",
            rows: [.init(
                filename: "x.jpg", a: Totals(objects: 2, predictions: 1, tp: 1, fp: 0, fn: 1),
                b: Totals(objects: 2, predictions: 3, tp: 2, fp: 1, fn: 0))],
            matched: 2, mixedPoints: false)
        var options = RenderOptions(width: 100)
        options.format = .csv
        let csv = render(.compareImages(result), options: options)
        XCTAssertTrue(csv.contains("filename,objects,TP b,ΔTP,FP b,ΔFP,FN b,ΔFN"), csv)
        XCTAssertTrue(csv.contains("x.jpg,2,2,1,1,1,0,-1"), csv)
        options.format = .json
        XCTAssertTrue(render(.compareImages(result), options: options).contains("\"ΔFN\""))
        options.format = .markdown
        XCTAssertTrue(render(.compareImages(result), options: options).contains("| x.jpg |"))
        options.format = .table
        let text = render(.compareImages(result), options: options)
        XCTAssertTrue(text.contains("compare a b where FN > 0: b's counts and the change from a"), text)
        XCTAssertTrue(text.contains("2 images matched, 1 shown"), text)
    }
}
