import Foundation
import EvalCore
import XCTest

@testable import EvalQuery

/// Edits, assertions and failures on the hand-worked `ExecutorFixture` (totals there: objects 3,
/// preds 3, TP 1, FP 2, FN 2).
final class ExecutorEditTests: XCTestCase {
    func testOperatingPointEditsUndoAndReset() throws {
        let executor = ExecutorFixture.executor()
        let session = try XCTUnwrap(executor.workspace.current)
        // At confidence 0.2 the cat 0.3 of three.jpg counts and matches nothing: preds 4, FP 3.
        // F1 = 2·TP / (preds + objects) = 2/7.
        let said = try executor.message("metric confidence=0.2")
        XCTAssertEqual(
            said, "pets: operating point iou=0.5 confidence=0.2; preds 3 → 4, FP 2 → 3, precision 0.3333 → 0.2500, F1 0.3333 → 0.2857")
        XCTAssertEqual(try executor.totals(), Totals(objects: 3, predictions: 4, tp: 1, fp: 3, fn: 2))
        XCTAssertEqual(session.pending.map(\.statement), ["metric confidence=0.2"])
        // The same point again is no edit.
        XCTAssertEqual(try executor.message("metric confidence=0.2"), "pets: nothing changed")
        XCTAssertEqual(session.pending.count, 1)

        XCTAssertEqual(try executor.message("undo"), "undid 'metric confidence=0.2' (0 pending)")
        XCTAssertEqual(try executor.totals(), Totals(objects: 3, predictions: 3, tp: 1, fp: 2, fn: 2))

        // One statement is one edit, whatever it sets.
        _ = try executor.run("metric iou=0.9 note=baseline")
        _ = try executor.run("rename cat kitty")
        XCTAssertEqual(session.pending.map(\.statement), ["metric iou=0.9 note=baseline", "rename cat kitty"])
        XCTAssertEqual(try executor.message("undo"), "undid 'rename cat kitty' (1 pending)")
        _ = try executor.run("rename cat kitty")
        XCTAssertEqual(try executor.message("reset"), "took back 2 edit(s)")
        XCTAssertEqual(session.state.labels, ["cat", "dog"])
        XCTAssertEqual(session.state.point, OperatingPoint(iou: 0.5, confidence: 0.5))
        XCTAssertFalse(session.state.metrics.contains { $0.key == "note" })
    }

    func testExcludeAndIncludeChangeEveryNumber() throws {
        let executor = ExecutorFixture.executor()
        // one.jpg holds objects 2, preds 2, TP 1, FP 1, FN 1 of the totals.
        _ = try executor.run("exclude one.jpg")
        XCTAssertEqual(try executor.totals(), Totals(objects: 1, predictions: 1, tp: 0, fp: 1, fn: 1))
        XCTAssertEqual(try executor.filenames("images"), ["two.jpg", "three.jpg"])
        XCTAssertEqual(try executor.filenames("cell dog cat"), [])
        _ = try executor.run("exclude where preds = 0")
        XCTAssertEqual(try executor.filenames("images"), ["three.jpg"])
        _ = try executor.run("include where filename = one.jpg")
        XCTAssertEqual(try executor.filenames("images"), ["one.jpg", "three.jpg"])
        // COCO AP, with or without two.jpg: cat's one object is found by the best-scored cat
        // (AP 1 at every IoU), dog's objects by nothing (AP 0): the mean is 0.5 both times.
        XCTAssertEqual(
            try executor.message("include two.jpg"),
            "pets: included 1 image(s); objects 2 → 3, FN 1 → 2, recall 0.5000 → 0.3333, F1 0.4000 → 0.3333, AP 0.5000 → 0.5000")
        XCTAssertEqual(try executor.totals(), Totals(objects: 3, predictions: 3, tp: 1, fp: 2, fn: 2))
    }

    func testRenameKeepsTheCountsUnderTheNewName() throws {
        let executor = ExecutorFixture.executor()
        _ = try executor.run("rename cat kitty")
        XCTAssertEqual(try executor.filenames("cell dog kitty"), ["one.jpg"])
        XCTAssertThrowsError(try executor.run("cell dog cat")) { error in
            guard case ExecutionError.unknownClass("cat", _, _) = error else { return XCTFail("\(error)") }
        }
    }

    func testAssertPassesOrFailsWithTheValuesItCompared() throws {
        let executor = ExecutorFixture.executor()
        XCTAssertEqual(try executor.message("assert recall >= 0.33 and FN[dog] = 2"), "ok: recall >= 0.33 and FN[dog] = 2 (recall = 0.333333, FN[dog] = 2)")
        XCTAssertThrowsError(try executor.run("assert FN[dog] < 2 or precision > 0.5")) { error in
            guard case ExecutionError.assertionFailed(let condition, let detail, let range) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(condition, "FN[dog] < 2 or precision > 0.5")
            XCTAssertEqual(detail, "FN[dog] = 2, precision = 0.333333")
            // From FN[dog] (column 8) to the end of precision (columns 23 to 31).
            XCTAssertEqual(range?.start.column, 8)
            XCTAssertEqual(range?.end.column, 32)
        }
    }

    func testErrorsCarryTheRangeOfTheWordTheyAreAbout() throws {
        let executor = ExecutorFixture.executor()
        XCTAssertThrowsError(try executor.run("cell cat dgo")) { error in
            guard case ExecutionError.unknownClass("dgo", let suggestion, let range) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(suggestion, "dog")
            XCTAssertEqual(range?.start.column, 10)
            XCTAssertEqual(range?.end.column, 13)
        }
        let script = Parser.parse("summary\nshow too.jpg")
        XCTAssertThrowsError(try executor.execute(script.statements[1])) { error in
            guard case ExecutionError.unknownImage("too.jpg", "two.jpg", let range) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(range?.start.line, 2)
            XCTAssertEqual(range?.start.column, 6)
        }
        XCTAssertThrowsError(try executor.run("where filename > 3")) { error in
            guard case ExecutionError.typeMismatch(_, let range) = error else { return XCTFail("\(error)") }
            XCTAssertNotNil(range)
        }
        XCTAssertThrowsError(try executor.run("where AP > 1")) { error in
            guard case ExecutionError.unknownName("AP", _, _, let range) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(range?.start.column, 7)
        }
    }

    func testAFailedStatementLeavesTheWorkspaceUnchanged() throws {
        let executor = ExecutorFixture.executor()
        let session = try XCTUnwrap(executor.workspace.current)
        let before = session.state
        // iou is valid, confidence is not: neither is applied.
        XCTAssertThrowsError(try executor.run("metric iou=0.6 confidence=1.5")) { error in
            guard case ExecutionError.invalidValue(let text, let range) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(text, "confidence must be in [0, 1], found 1.5")
            // Under the value refused, not its name.
            XCTAssertEqual(range?.start.column, 27)
        }
        XCTAssertThrowsError(try executor.run("exclude where FNN > 0"))
        XCTAssertThrowsError(try executor.run("rename cat dog"))
        XCTAssertThrowsError(try executor.run("unset metric nothing"))
        XCTAssertThrowsError(try executor.run("load /nonexistent/gt.json /nonexistent/dt.json"))
        XCTAssertThrowsError(try executor.run("use nothing"))
        XCTAssertEqual(session.state, before)
        XCTAssertEqual(session.pending.count, 0)
        XCTAssertEqual(executor.workspace.evaluations.count, 1)
        XCTAssertTrue(executor.workspace.current === session)
        XCTAssertEqual(try executor.totals(), Totals(objects: 3, predictions: 3, tp: 1, fp: 2, fn: 2))
    }

    /// A payload holds no boxes: a new operating point would leave its matrix and counts at the
    /// old one while `metrics` says the new one, so it is refused and nothing changes.
    func testAPayloadRefusesANewOperatingPoint() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let executor = Executor()
        _ = try executor.run("load \(root.path)/Examples/picsellia/evaluation.json")
        let session = try XCTUnwrap(executor.workspace.current)
        let before = session.state
        XCTAssertThrowsError(try executor.run("metric iou=0.6")) { error in
            guard case ExecutionError.invalidValue(let text, let range) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(text.contains("no boxes to recompute"), text)
            XCTAssertEqual(range?.start.column, 8)
        }
        XCTAssertEqual(session.state, before)
        XCTAssertEqual(session.pending.count, 0)
    }

    /// A value typed whole comes back whole (`1`, not `1.0`); others as numbers.
    func testMetricValuesKeepTheirKind() throws {
        let executor = ExecutorFixture.executor()
        _ = try executor.run("metric epochs=1 lr=0.001 run=\"v8n\"")
        guard case .metrics(let list)? = try executor.run("metrics").first else { return XCTFail("metrics gave no list") }
        let values = Dictionary(uniqueKeysWithValues: list.metrics.map { ($0.name, $0.value) })
        XCTAssertEqual(values["epochs"], .integer(1))
        XCTAssertEqual(values["lr"], .number(0.001))
        XCTAssertEqual(values["run"], .string("v8n"))
    }

    /// A value `iou`/`confidence` refuses is pointed at, not its name.
    func testRefusedOperatingPointValuesArePointedAt() throws {
        let executor = ExecutorFixture.executor()
        for (text, message) in [
            ("metric iou=abc", "iou takes a number, found 'abc'"), ("metric iou=1.5", "iou must be in (0, 1], found 1.5"),
            ("metric confidence=\"x\"", "confidence takes a number, found \"x\""),
        ] {
            XCTAssertThrowsError(try executor.run(text)) { error in
                guard case ExecutionError.invalidValue(let got, let range) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(got, message)
                XCTAssertEqual(range?.start.column, text.firstIndex(of: "=").map { text.distance(from: text.startIndex, to: $0) + 2 })
            }
        }
    }

    /// What the journal replays reads back as the same settings, names and kinds included.
    func testRecordedMetricStatementReadsBackTheSame() throws {
        let typed = "metric mAP@50=0.4 \"run id\"='a \"b' lr=1.0 epochs=3 tuned=false \"50x\"=x"
        guard case .metric(let assignment) = try Parser.parseStatement(typed) else { return XCTFail("not a metric statement") }
        let recorded = Executor.canonical(assignment.settings)
        XCTAssertEqual(recorded, "metric mAP@50=0.4 \"run id\"=\"a \\\"b\" lr=1.0 epochs=3 tuned=false \"50x\"=x")
        guard case .metric(let again) = try Parser.parseStatement(recorded) else { return XCTFail("not a metric statement") }
        XCTAssertEqual(again.settings, assignment.settings)
        let executor = ExecutorFixture.executor()
        _ = try executor.run(typed)
        guard case .metrics(let list)? = try executor.run("metrics").first else { return XCTFail("metrics gave no list") }
        let values = Dictionary(uniqueKeysWithValues: list.metrics.map { ($0.name, $0.value) })
        XCTAssertEqual(values["run id"], .string("a \"b"))
        XCTAssertEqual(values["lr"], .number(1.0))
        if case .integer? = values["lr"] { XCTFail("1.0 stored as a whole number") }
        XCTAssertEqual(values["tuned"], .bool(false))
        XCTAssertEqual(values["50x"], .string("x"))
    }

    func testEvaluationsAreAddedUsedAndDropped() throws {
        let executor = ExecutorFixture.executor()
        let evaluator = Evaluator(groundTruth: ExecutorFixture.groundTruth(), detections: ExecutorFixture.detections())
        executor.workspace.add(EvaluationSession(name: executor.workspace.freeName("pets"), origin: .files([]), data: .boxes(evaluator)))
        XCTAssertEqual(executor.workspace.evaluations.map(\.name), ["pets", "pets2"])
        XCTAssertEqual(try executor.message("use PETS"), "using pets")
        _ = try executor.run("metric confidence=0.2")
        XCTAssertEqual(try executor.message("drop pets"), "dropped pets and its 1 pending edit(s)")
        XCTAssertEqual(executor.workspace.current?.name, "pets2")
        _ = try executor.run("drop pets2")
        XCTAssertThrowsError(try executor.run("summary")) { error in
            guard case ExecutionError.unavailable(let text, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(text, "no evaluation is loaded")
        }
    }
}
