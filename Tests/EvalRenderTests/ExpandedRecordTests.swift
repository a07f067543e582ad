import EvalQuery
import XCTest

@testable import EvalRender

/// `set expanded on|off|auto` (psql's `\x`): a single record as `key │ value` lines.
final class ExpandedRecordTests: XCTestCase {
    private let record = ResultTable(
        title: "evaluations", columns: ["name", "source", "images", "AP50"],
        rows: [[.string("predictions"), .string("Examples/coco-small/gt.json + Examples/coco-small/predictions.json"), .int(120), .double(0.5)]])

    private func lines(_ result: QueryResult, _ mode: ExpandedMode, width: Int) -> [String] {
        var options = RenderOptions(width: width)
        options.expanded = mode
        return render(result, options: options).split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    func testOnShowsAOneRowTableAsKeyValueLines() {
        XCTAssertEqual(lines(.table(record), .on, width: 120), [
            "evaluations",
            "name   │ predictions",
            "source │ Examples/coco-small/gt.json + Examples/coco-small/predictions.json",
            "images │ 120",
            "AP50   │ 0.5",
        ])
    }

    func testLongValuesWrapBesideTheirKey() {
        let out = lines(.table(record), .on, width: 40)
        XCTAssertEqual(Array(out.prefix(4)), [
            "evaluations",
            "name   │ predictions",
            "source │ Examples/coco-small/gt.json +",
            "       │ Examples/coco-small/",
        ])
        XCTAssertTrue(out.allSatisfy { DisplayWidth.of($0) <= 40 }, out.joined(separator: "\n"))
    }

    func testAutoExpandsOnlyWhatIsWiderThanTheLine() {
        XCTAssertEqual(lines(.table(record), .auto, width: 120).first(where: { $0.hasPrefix("┌") }) != nil, true, "fits at 120: a table")
        XCTAssertEqual(lines(.table(record), .auto, width: 60)[1], "name   │ predictions")
    }

    func testOffAndSeveralRowsKeepTheTable() {
        XCTAssertTrue(lines(.table(record), .off, width: 60).contains { $0.hasPrefix("┌") })
        var two = record
        two.rows.append(two.rows[0])
        XCTAssertTrue(lines(.table(two), .on, width: 60).contains { $0.hasPrefix("┌") })
    }

    func testDataFormatsAreNotAffected() {
        var options = RenderOptions(format: .csv, width: 60)
        options.expanded = .on
        XCTAssertEqual(render(.table(record), options: options).split(separator: "\n").first, "name,source,images,AP50")
    }
}
