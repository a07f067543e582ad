import XCTest
import EvalQuery

final class CompletionTests: XCTestCase {
    /// The context with the cursor at the end of `line`.
    private func context(_ line: String) -> CompletionContext {
        completionContext(line: line, cursor: line.count)
    }

    private func assertKind(_ line: String, _ kind: CompletionKind, prefix: String, file: StaticString = #filePath, line number: UInt = #line) {
        let found = context(line)
        XCTAssertEqual(found.kind, kind, line, file: file, line: number)
        XCTAssertEqual(found.prefix, prefix, line, file: file, line: number)
    }

    func testStatementKeyword() {
        assertKind("", .statement, prefix: "")
        assertKind("sum", .statement, prefix: "sum")
        assertKind("summary; mat", .statement, prefix: "mat")
        assertKind("help ce", .keywords(HelpEntry.topics), prefix: "ce")
        XCTAssertTrue(HelpEntry.topics.contains("sort") && HelpEntry.topics.contains("rows"))
    }

    /// `metric` and `unset metric` complete metric names; nothing after `=`.
    func testMetricNames() {
        assertKind("metric ", .metricEntry(allowsTarget: true), prefix: "")
        assertKind("metric co", .metricEntry(allowsTarget: true), prefix: "co")
        assertKind("metric iou=0.5 mA", .metricEntry(allowsTarget: false), prefix: "mA")
        assertKind("metric \"run i", .metricEntry(allowsTarget: true), prefix: "run i")
        assertKind("metric iou=0.", .none, prefix: "iou=0.")
        assertKind("unset metric mAP@", .metricEntry(allowsTarget: false), prefix: "mAP@")
        assertKind("unset ", .keywords(["metric"]), prefix: "")
    }

    func testClassNames() {
        assertKind("cell ", .matrixClass, prefix: "")
        assertKind("cell car ped", .matrixClass, prefix: "ped")
        assertKind("cell \"traffic li", .matrixClass, prefix: "traffic li")
        assertKind("where has ", .className, prefix: "")
        assertKind("where FN > 1 and predicted bu", .className, prefix: "bu")
        assertKind("where FN[ca", .className, prefix: "ca")
        assertKind("assert recall[\"traf", .className, prefix: "traf")
        assertKind("rename tr", .className, prefix: "tr")
        XCTAssertEqual(context("where FN[ca").prefixStart, 9)
    }

    /// `x.y` is NAME.CLASS when `x` is a field or metric name (as the parser reads it), so
    /// after `FN.` or `recall.` Tab offers classes; after a qualifier, fields or metrics.
    func testClassNamesAfterAFieldAndADot() {
        assertKind("where FN.", .className, prefix: "")
        assertKind("where FN.ca", .className, prefix: "ca")
        XCTAssertEqual(context("where FN.ca").prefixStart, 9)
        assertKind("assert recall.", .className, prefix: "")
        assertKind("assert AP50.bo", .className, prefix: "bo")
        assertKind("images sort FP.", .className, prefix: "")
        assertKind("compare A B where delta.FN.tr", .className, prefix: "tr")
        XCTAssertEqual(context("compare A B where delta.FN.tr").prefixStart, 27)
        assertKind("compare A B where cand.", .field, prefix: "")
        assertKind("assert A.AP", .metricName, prefix: "AP")
    }

    func testFilenamesAndPaths() {
        assertKind("show 99999", .filename, prefix: "99999")
        assertKind("exclude img_0", .filename, prefix: "img_0")
        assertKind("load ../data/g", .path, prefix: "../data/g")
        assertKind("load gt.json ", .path, prefix: "")
        assertKind("source ~/scr", .path, prefix: "~/scr")
        assertKind("push out/ev", .path, prefix: "out/ev")
        assertKind("push sto", .target, prefix: "sto")
        assertKind("show a.jpg svg o", .path, prefix: "o")
    }

    func testFieldsAndMetrics() {
        assertKind("where F", .field, prefix: "F")
        assertKind("where FN > 2 and ob", .field, prefix: "ob")
        assertKind("cell car none where ", .field, prefix: "")
        assertKind("images sort ", .field, prefix: "")
        assertKind("assert AP", .metricName, prefix: "AP")
        assertKind("compare A B where delta.F", .field, prefix: "F")
        XCTAssertEqual(context("compare A B where delta.F").prefixStart, 24)
    }

    func testKeywordOptions() {
        assertKind("set format ", .keywords(["table", "csv", "json", "markdown"]), prefix: "")
        assertKind("set ", .keywords(["format", "color", "rows", "pager", "ascii", "images", "mixed-thresholds", "errors", "expanded"]), prefix: "")
        assertKind("set expanded ", .keywords(["off", "on", "auto"]), prefix: "")
        assertKind("set color o", .keywords(["auto", "on", "off"]), prefix: "o")
        assertKind("matrix normalize ", .keywords(["gt", "pred"]), prefix: "")
        assertKind("where FN > 1 sort FN ", .keywords(["asc", "desc", "limit"]), prefix: "")
        assertKind("compare a b ", .keywords(["matrix", "classes", "where", "show", "boxes"]), prefix: "")
        assertKind("use ", .evaluationName, prefix: "")
        assertKind("set rows ", .keywords(["all"]), prefix: "")
        assertKind("set rows all ", .none, prefix: "")
    }

    func testCursorInsideTheLine() {
        let found = completionContext(line: "cell ca pedestrian", cursor: 7)
        XCTAssertEqual(found, CompletionContext(kind: .matrixClass, prefix: "ca", prefixStart: 5))
    }
}
