@testable import EvalShell
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

    func testAfterAFieldAndADotOffersClasses() {
        XCTAssertEqual(candidates("where FN.c"), ["car", "cup", "chair"])
        XCTAssertEqual(candidates("assert recall.b"), ["bottle", "bowl", "book"])
        XCTAssertEqual(completer.completions(line: "where FN.c", cursor: 10).replaceFrom, 9)
    }

    func testNoneOnlyWhereTheMatrixBackgroundIsMeant() {
        XCTAssertFalse(candidates("where FN[").contains("none"))
        XCTAssertFalse(candidates("where has ").contains("none"))
        XCTAssertEqual(candidates("where FN[d"), ["dining table"])
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
        XCTAssertEqual(completed("where FN['din"), "where FN['dining table' ")
    }
}
