import EvalQuery
import XCTest

@testable import EvalShell

/// Ctrl-C during a statement takes back what it did: the evaluation a `load` added, the edit a
/// `metric` made (the shell rolls the workspace back to a `WorkspaceMark` taken before it ran).
final class WorkspaceMarkTests: XCTestCase {
    private static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/coco-small")

    private func run(_ executor: Executor, _ text: String) throws {
        let parsed = Parser.parse(text)
        XCTAssertEqual(parsed.diagnostics.count, 0, text)
        for node in parsed.statements { _ = try executor.execute(node) }
    }

    func testAnInterruptedLoadAndAnInterruptedEditAreTakenBack() throws {
        let gt = Self.examples.appendingPathComponent("gt.json").path
        let dt = Self.examples.appendingPathComponent("predictions.json").path
        let executor = Executor()
        try run(executor, "load \"\(gt)\" \"\(dt)\" as first")
        let first = try XCTUnwrap(executor.workspace.current)

        let beforeLoad = WorkspaceMark(executor.workspace)
        try run(executor, "load \"\(gt)\" \"\(dt)\" as second")
        XCTAssertEqual(executor.workspace.evaluations.map(\.name), ["first", "second"])
        beforeLoad.rollBack(executor.workspace)
        XCTAssertEqual(executor.workspace.evaluations.map(\.name), ["first"])
        XCTAssertTrue(executor.workspace.current === first)

        try run(executor, "exclude 000000001843.jpg")
        let beforeEdit = WorkspaceMark(executor.workspace)
        try run(executor, "metric iou=0.7 confidence=0.3")
        XCTAssertEqual(first.pending.count, 2)
        beforeEdit.rollBack(executor.workspace)
        XCTAssertEqual(first.pending.count, 1, "the edit before the mark stays")
        XCTAssertEqual(first.state.point.iou, 0.5)
        XCTAssertEqual(first.state.point.confidence, 0.5)
        XCTAssertEqual(first.state.excluded.count, 1)
    }
}
