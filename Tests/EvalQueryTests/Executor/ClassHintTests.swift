import EvalCore
import XCTest

@testable import EvalQuery

/// Class names that need brackets (issue 12 item 9): a misspelt one is suggested as the whole
/// reference in brackets, and a class with a dot works after a field's dot. The fixture of
/// `ExecutorFixture` with its classes renamed `cat.x` and `hot dog`; its counts (semantics.md
/// §2): `cat.x` objects on one.jpg only, `hot dog` missed on one.jpg and two.jpg.
final class ClassHintTests: XCTestCase {
    private func executor() -> Executor {
        var gt = ExecutorFixture.groundTruth()
        gt.categories = [Category(id: 1, name: "cat.x"), Category(id: 2, name: "hot dog")]
        let executor = Executor()
        executor.workspace.add(EvaluationSession(
            name: "pets", origin: .files(["gt.json", "dt.json"]),
            data: .boxes(Evaluator(groundTruth: gt, detections: ExecutorFixture.detections()))))
        return executor
    }

    private func assertSuggests(_ statement: String, _ name: String, _ suggestion: String, line: UInt = #line) {
        XCTAssertThrowsError(try executor().run(statement), line: line) { error in
            guard case ExecutionError.unknownClass(let found, let suggested, _) = error else { return XCTFail("\(error)", line: line) }
            XCTAssertEqual(found, name, line: line)
            XCTAssertEqual(suggested, suggestion, line: line)
        }
    }

    func testAMisspeltClassIsSuggestedInBrackets() {
        assertSuggests("where FN.hot_dog > 0", "hot_dog", "FN[\"hot dog\"]")
        assertSuggests("where objects.hot-dog > 0", "hot", "objects[\"hot dog\"]")
        assertSuggests("where TP[hotdog] > 0", "hotdog", "TP[\"hot dog\"]")
        assertSuggests("assert recall.hot_dog > 0", "hot_dog", "recall[\"hot dog\"]")
        let message = ExecutionError.unknownClass("hot_dog", suggestion: "FN[\"hot dog\"]", at: nil).message
        XCTAssertEqual(message, "unknown class \"hot_dog\"; did you mean 'FN[\"hot dog\"]'?")
    }

    func testAClassWithADotAfterAFieldsDot() throws {
        let executor = executor()
        XCTAssertEqual(try executor.filenames("where objects.cat.x > 0"), ["one.jpg"])
        XCTAssertEqual(try executor.filenames("where FN.cat.x > 0"), [])
        XCTAssertEqual(try executor.filenames("where FN[\"hot dog\"] > 0"), ["one.jpg", "two.jpg"])
        assertSuggests("where FN.cat.y > 0", "cat.y", "FN[\"cat.x\"]")
    }
}
