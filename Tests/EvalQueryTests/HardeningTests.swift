import EvalCore
import XCTest

@testable import EvalQuery

/// Inputs built to break the language (issue 11): each ends with a located error, never a trap,
/// a hang or a wrong "ok". Expected values are worked out from `ExecutorFixture`'s hand-worked
/// numbers and the limits the grammar states.
final class HardeningTests: XCTestCase {
    private func diagnostic(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> Diagnostic? {
        let script = Parser.parse(text)
        XCTAssertTrue(script.statements.isEmpty, "'\(text.prefix(40))…' parsed", file: file, line: line)
        return script.diagnostics.first
    }

    func testDeepParenthesesNotAndMinusStopAtTheNestingLimit() {
        let limit = Parser.nestingLimit
        for text in [
            "where " + String(repeating: "(", count: 2000) + "FN > 0" + String(repeating: ")", count: 2000),
            "where " + String(repeating: "(", count: 2000) + "FN > 0",
            "where " + String(repeating: "not ", count: 8000) + "FN > 0",
            "assert " + String(repeating: "-", count: 30000) + "1 > 0",
        ] {
            let found = diagnostic(text)
            XCTAssertEqual(found?.kind, .nestedTooDeeply(limit: limit))
            XCTAssertEqual(found?.message, "expression nested too deeply (limit 64)")
            XCTAssertEqual(found?.range.start.line, 1)
        }
        // The 65th '(' is the one reported: column 7 + 64 on `where (((…`.
        XCTAssertEqual(diagnostic("where " + String(repeating: "(", count: 100) + "FN > 0")?.column, 71)
        // 64 levels are fine, and print back with their parentheses dropped.
        let inner = String(repeating: "(", count: limit) + "FN > 0" + String(repeating: ")", count: limit)
        XCTAssertEqual(Parser.parse("where " + inner).statements.count, 1)
    }

    func testLongChainsStopAtTheDepthLimit() throws {
        for joiner in [" or ", " and "] {
            let long = "where " + Array(repeating: "FN > 0", count: 8000).joined(separator: joiner)
            XCTAssertEqual(diagnostic(long)?.kind, .nestedTooDeeply(limit: Parser.depthLimit))
        }
        XCTAssertEqual(
            diagnostic("assert " + Array(repeating: "1", count: 8000).joined(separator: " + ") + " > 0")?.kind,
            .nestedTooDeeply(limit: 256))
        // 255 '+' make 256 levels with the comparison: accepted, compiled and printed.
        let sum = Array(repeating: "1", count: 255).joined(separator: " + ")
        let executor = ExecutorFixture.executor()
        guard case .message(let ok)? = try executor.run("assert \(sum) > 254").last else { return XCTFail("no message") }
        XCTAssertTrue(ok.text.hasPrefix("ok: 1 + 1 + 1"), ok.text)
    }

    func testStatementLongerThanOneMebibyteIsRefused() {
        let text = "show " + String(repeating: "x", count: Parser.statementLengthLimit)
        XCTAssertEqual(diagnostic(text)?.kind, .statementTooLong(limit: 1 << 20))
        // Just under the limit it parses.
        XCTAssertEqual(Parser.parse("show " + String(repeating: "x", count: (1 << 20) - 10)).statements.count, 1)
    }

    func testOutOfRangeLiterals() {
        XCTAssertEqual(
            diagnostic("images limit 9223372036854775807")?.message,
            "number '9223372036854775807' is out of range; expected at most 999999999999999")
        XCTAssertEqual(diagnostic("where FN > 1e400")?.kind, .numberOutOfRange("1e400", limit: nil))
        XCTAssertEqual(diagnostic("metric iou=-1e400")?.kind, .numberOutOfRange("-1e400", limit: nil))
        XCTAssertEqual(diagnostic("set rows 1e300")?.kind, .numberOutOfRange("1e300", limit: "at most 999999999999999"))
        XCTAssertEqual(diagnostic("matrix top 1e15")?.column, 12)
    }

    func testDidYouMeanIsBoundedOnHugeWords() {
        let huge = String(repeating: "x", count: 1_000_000)
        let names = (0..<5000).map { "image_\($0).jpg" }
        let started = Date()
        XCTAssertNil(Suggestion.closest(to: huge, among: names))
        XCTAssertNil(Suggestion.closest(to: "image", among: [huge]))
        XCTAssertLessThan(Date().timeIntervalSince(started), 5)
        // Ordinary suggestions are unchanged.
        XCTAssertEqual(Suggestion.closest(to: "sumary", among: StatementKeyword.allCases.map(\.rawValue)), "summary")
        XCTAssertEqual(Suggestion.closest(to: "image_12.jgp", among: names), "image_12.jpg")
    }

    private func invalidValue(_ executor: Executor, _ text: String, file: StaticString = #filePath, line: UInt = #line) -> String? {
        do {
            _ = try executor.run(text, file: file, line: line)
            XCTFail("'\(text)' did not fail", file: file, line: line)
        } catch let error as ExecutionError {
            guard case .invalidValue(let message, _) = error else {
                XCTFail("'\(text)': \(error)", file: file, line: line)
                return nil
            }
            return message
        } catch {
            XCTFail("'\(text)': \(error)", file: file, line: line)
        }
        return nil
    }

    func testDivisionByZeroAndNonFiniteValuesAreErrorsNeverTrue() {
        let executor = ExecutorFixture.executor()
        XCTAssertEqual(invalidValue(executor, "assert TP / 0 >= 0"), "division by zero in 'TP / 0'")
        XCTAssertEqual(invalidValue(executor, "assert not (TP / 0 >= 0)"), "division by zero in 'TP / 0'")
        XCTAssertEqual(invalidValue(executor, "assert 0 / 0 = 0"), "division by zero in '0 / 0'")
        XCTAssertEqual(
            invalidValue(executor, "assert 1e308 * 10 > 0"), "'1e+308 * 10' is not a finite number (inf)")
        // Per image: FN / objects is 1/2 on one.jpg, 1/1 on two.jpg and 0/0 on three.jpg.
        XCTAssertEqual(
            invalidValue(executor, "where FN / objects >= 0"), "division by zero in 'FN / objects' for image three.jpg")
        // `or` stops at its first true side, as it always did: three.jpg (no objects) never divides;
        // FN / objects is 1/2 on one.jpg, 1 on two.jpg.
        XCTAssertEqual(try executor.filenames("where objects = 0 or FN / objects >= 1"), ["two.jpg", "three.jpg"])
        // A failed statement excludes nothing.
        XCTAssertNotNil(invalidValue(executor, "exclude where TP / 0 > 1"))
        XCTAssertEqual(try executor.totals(), Totals(objects: 3, predictions: 3, tp: 1, fp: 2, fn: 2))
    }

    /// `pets` and a second copy `b` at confidence 0.2: b counts the cat 0.3 of three.jpg, so FP 2 → 3.
    private func mixedPair() throws -> Executor {
        let executor = ExecutorFixture.executor()
        let evaluator = Evaluator(groundTruth: ExecutorFixture.groundTruth(), detections: ExecutorFixture.detections())
        executor.workspace.add(EvaluationSession(name: "b", origin: .files(["gt.json", "dt.json"]), data: .boxes(evaluator)))
        _ = try executor.run("metric b confidence=0.2")
        _ = try executor.run("compare pets b")
        return executor
    }

    func testGateAcrossOperatingPointsFailsUnlessAllowed() throws {
        let executor = try mixedPair()
        XCTAssertThrowsError(try executor.run("assert delta.FP <= 5")) { error in
            guard case ExecutionError.assertionFailed(let condition, let detail, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(condition, "delta.FP")
            XCTAssertTrue(detail.contains("pets iou=0.5 confidence=0.5, b iou=0.5 confidence=0.2"), detail)
            XCTAssertTrue(detail.contains("set mixed-thresholds allow"), detail)
        }
        XCTAssertThrowsError(try executor.run("assert B.FP <= A.FP + 5"))
        // COCO statistics do not depend on the point: no refusal.
        XCTAssertNoThrow(try executor.run("assert delta.AP >= -1"))
        _ = try executor.run("set mixed-thresholds allow")
        let results = try executor.run("assert delta.FP = 1")
        guard case .diagnostic(let warning)? = results.first, case .message(let ok)? = results.last else { return XCTFail() }
        XCTAssertEqual(warning.severity, .warning)
        XCTAssertEqual(
            warning.kind, .mixedOperatingPoints(reference: "delta.FP", points: "pets iou=0.5 confidence=0.5, b iou=0.5 confidence=0.2"))
        // The caret goes under the reference: `assert delta.FP = 1`, columns 8 to 15.
        XCTAssertEqual(warning.range.start.column, 8)
        XCTAssertEqual(warning.range.length, "delta.FP".count)
        XCTAssertTrue(ok.text.hasPrefix("ok: delta.FP = 1 (delta.FP = 1"), ok.text)
        _ = try executor.run("set mixed-thresholds refuse")
        XCTAssertThrowsError(try executor.run("assert delta.FP = 1"))
    }

    func testCompareMarksNoCountChangeAcrossOperatingPoints() throws {
        let executor = try mixedPair()
        guard case .compareSummary(let summary)? = try executor.run("compare pets b").first else { return XCTFail("no summary") }
        XCTAssertNil(summary.sharedPoint, "the sides count at different operating points")
        let fp = try XCTUnwrap(summary.rows.first { $0.name == "FP" })
        XCTAssertEqual(try XCTUnwrap(fp.b) - XCTUnwrap(fp.a), 1)
        XCTAssertTrue(fp.dependsOnPoint)
        // At one point both ways, the sides share it and FN does not change.
        _ = try executor.run("metric b confidence=0.5")
        guard case .compareSummary(let same)? = try executor.run("compare pets b").first else { return XCTFail("no summary") }
        XCTAssertNotNil(same.sharedPoint)
        let fn = try XCTUnwrap(same.rows.first { $0.name == "FN" })
        XCTAssertEqual(fn.a, fn.b)
    }
}
