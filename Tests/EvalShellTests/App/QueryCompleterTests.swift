@testable import EvalShell
import EvalCore
import EvalQuery
import XCTest

/// What Tab offers on the bundled example (classes person, car, bottle, cup, bowl, chair,
/// dining table, book): only words the language accepts where the cursor is.
final class QueryCompleterTests: XCTestCase {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    private var completer: QueryCompleter!

    override func setUpWithError() throws {
        let example = Self.packageRoot.appendingPathComponent("Examples/coco-small").path
        let (data, origin, _, _) = try Executor.read(["\(example)/gt.json", "\(example)/predictions.json"])
        let workspace = Workspace()
        workspace.add(EvaluationSession(name: "predictions", origin: origin, data: data))
        completer = QueryCompleter(workspace: workspace)
    }

    private func candidates(_ line: String) -> [String] {
        completer.completions(line: line, cursor: line.count).candidates
    }

    /// `metric` offers the evaluation's metrics entries, quoted when a bare name would not read
    /// back (`"run id"`), in the quote the user opened; `mAP@50` can stay bare.
    func testMetricOffersEntriesQuotedWhenNeeded() throws {
        let example = Self.packageRoot.appendingPathComponent("Examples/coco-small").path
        let (data, origin, _, _) = try Executor.read(["\(example)/gt.json", "\(example)/predictions.json"])
        let workspace = Workspace()
        let session = EvaluationSession(name: "predictions", origin: origin, data: data)
        workspace.add(session)
        for (name, value) in [("mAP@50", JSONValue.number(0.4)), ("run id", .string("abc")), ("rank", .integer(1))] {
            _ = session.apply(.setMetric(name: name, value: value), statement: "metric") { _ in "" }
        }
        let completer = QueryCompleter(workspace: workspace)
        func candidates(_ line: String) -> [String] { completer.completions(line: line, cursor: line.count).candidates }
        XCTAssertEqual(candidates("metric mA"), ["mAP@50"])
        XCTAssertEqual(candidates("metric r"), ["\"run id\"", "rank"])
        XCTAssertEqual(completer.completions(line: "metric r", cursor: 8).replaceFrom, 7)
        XCTAssertEqual(candidates("metric 'ru"), ["'run id'"])
        XCTAssertEqual(completer.completions(line: "metric 'ru", cursor: 10).replaceFrom, 7)
        XCTAssertEqual(candidates("unset metric \"r"), ["\"run id\"", "\"rank\""])
        XCTAssertEqual(candidates("metric "), ["iou", "confidence", "mAP@50", "\"run id\"", "rank"])
        XCTAssertEqual(candidates("metric iou=0."), [])
    }

    func testAfterAFieldAndADotOffersClasses() {
        XCTAssertEqual(candidates("where FN.c"), ["car", "cup", "chair"])
        XCTAssertEqual(candidates("assert recall.b"), ["bottle", "bowl", "book"])
        XCTAssertEqual(completer.completions(line: "where FN.c", cursor: 10).replaceFrom, 9)
    }

    func testNoneOnlyWhereTheMatrixBackgroundIsMeant() {
        XCTAssertFalse(candidates("where FN[").contains("none"))
        XCTAssertFalse(candidates("where has ").contains("none"))
        XCTAssertEqual(candidates("where FN[d"), ["\"dining table\"]"])
        XCTAssertTrue(candidates("cell car ").contains("none"))
        XCTAssertEqual(candidates("cell n"), ["none"])
    }

    func testAfterAQualifierOffersFieldsAndMetrics() {
        XCTAssertEqual(candidates("where predictions.F"), ["FP", "FN", "filename"])
        XCTAssertEqual(candidates("assert predictions.AP5"), ["AP50"])
    }

    /// The line after Tab, as libedit leaves it (its word starts at 0: the whole line is replaced).
    private func completed(_ line: String) -> String? {
        let answer = completer.completions(line: line, cursor: line.count)
        return CompletionPlan(
            line: line, cursor: line.count, wordStart: 0, replaceFrom: answer.replaceFrom, candidates: answer.candidates)
            .map { $0.insertion + ($0.appendsSpace ? " " : "") }
    }

    /// A name begun in quotes is finished in the same quotes, whichever the user typed.
    func testANameBegunInQuotesIsClosedWithTheSameQuote() {
        XCTAssertEqual(completed("cell 'din"), "cell 'dining table' ")
        XCTAssertEqual(completed("cell \"din"), "cell \"dining table\" ")
        XCTAssertEqual(completed("cell din"), "cell \"dining table\" ")
        XCTAssertEqual(completed("where FN['din"), "where FN['dining table'] ")
    }

    /// A class inside `FN[` is finished with its `]`, in quotes when it holds a space
    /// (issue 12 item 9); elsewhere a class takes quotes and a space only.
    func testAClassInBracketsIsClosed() {
        XCTAssertEqual(completed("where FN[di"), "where FN[\"dining table\"] ")
        XCTAssertEqual(completed("where FN[\"di"), "where FN[\"dining table\"] ")
        XCTAssertEqual(completed("where TP[ca"), "where TP[car] ")
        XCTAssertEqual(completed("where objects[di"), "where objects[\"dining table\"] ")
        XCTAssertEqual(completed("assert recall[di"), "assert recall[\"dining table\"] ")
        XCTAssertEqual(completed("cell di"), "cell \"dining table\" ")
        XCTAssertEqual(completed("where has di"), "where has \"dining table\" ")
        XCTAssertEqual(completed("where FN.di"), "where FN.\"dining table\" ")
        // Several candidates: their common part, unclosed, and the list shows each closed.
        XCTAssertEqual(completed("where FN[c"), "where FN[c")
        XCTAssertEqual(candidates("where FN[bo"), ["bottle]", "bowl]", "book]"])
        // A `]` after the cursor already closes it.
        XCTAssertEqual(completer.completions(line: "where FN[di] > 1", cursor: 11).candidates, ["dining table"])
    }

    /// `show 1673` + Tab: the image whose COCO id starts so (gt.json: id 167379 is
    /// 000000167379.jpg, and no other id starts with 1673).
    func testAnImageIdCompletesToItsFilename() {
        XCTAssertEqual(completed("show 1673"), "show 000000167379.jpg ")
        XCTAssertEqual(completed("show 00000016737"), "show 000000167379.jpg ")
    }
}
