import Foundation
import XCTest

@testable import EvalQuery

/// A statement that runs but has something to say about itself returns a `Diagnostic` of
/// severity warning, placed in the statement, and it is printed as errors are: the place, the
/// word `warning:`, the source line and a caret. The fixture is `ExecutorFixture` (pets: one,
/// two, three.jpg; FN on one and two).
final class ExecutorWarningTests: XCTestCase {
    /// Runs the statement of `source` that starts on `line` and returns its only diagnostic.
    private func warning(of source: String, line: Int, in executor: Executor) throws -> Diagnostic {
        let script = Parser.parse(source)
        XCTAssertEqual(script.diagnostics, [])
        let node = try XCTUnwrap(script.statements.first { $0.range.start.line == line })
        let diagnostics = try executor.execute(node).compactMap { result -> Diagnostic? in
            if case .diagnostic(let diagnostic) = result { return diagnostic }
            return nil
        }
        XCTAssertEqual(diagnostics.count, 1, "\(diagnostics)")
        return try XCTUnwrap(diagnostics.first)
    }

    func testUndoWithNothingPendingIsAWarningUnderTheStatement() throws {
        let source = "summary\nundo\n"
        let diagnostic = try warning(of: source, line: 2, in: ExecutorFixture.executor())
        XCTAssertEqual(diagnostic.severity, .warning)
        XCTAssertEqual(diagnostic.kind, .nothingToUndo)
        XCTAssertEqual(
            ErrorReport.render(diagnostic, source: source, fileName: "edits.evq"),
            """
            edits.evq:2:1: warning: nothing to undo
            undo
            ^~~~
            """)
    }

    func testAnExclusionThatSelectsNothingChangesNothingAndSaysSo() throws {
        // FN > 5 holds on no image of the fixture (at most 1 per image).
        let source = "  exclude where FN > 5"
        let executor = ExecutorFixture.executor()
        let diagnostic = try warning(of: source, line: 1, in: executor)
        XCTAssertEqual(diagnostic.kind, .nothingChanged(why: "no image to exclude"))
        XCTAssertEqual(executor.workspace.current?.pending.count, 0)
        XCTAssertEqual(
            ErrorReport.render(diagnostic, source: source, fileName: nil),
            """
            warning: no image to exclude: nothing changed
              exclude where FN > 5
              ^~~~~~~~~~~~~~~~~~~~
            """)
    }

    func testAMatrixBesideAPayloadThatDisagreesIsAWarningUnderTheFileName() throws {
        // The bundled payload, beside a confusion-matrix log whose car → car cell says 18, not 19.
        let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Examples/picsellia")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-warning-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(
            at: example.appendingPathComponent("evaluation.json"), to: directory.appendingPathComponent("evaluation.json"))
        try Data(#"{"categories": ["car", "pedestrian"], "values": [[18.0, 1.0, 2.0], [1.0, 7.0, 2.0], [2.0, 2.0, 0.0]]}"#.utf8)
            .write(to: directory.appendingPathComponent("confusion-matrix.json"))
        let payload = directory.appendingPathComponent("evaluation.json").path
        let source = "load \"\(payload)\""
        let diagnostic = try warning(of: source, line: 1, in: Executor())
        XCTAssertEqual(diagnostic.severity, .warning)
        guard case .inputWarning(let text) = diagnostic.kind else { return XCTFail("\(diagnostic.kind)") }
        // One cell changed breaks three agreements: the cell against Σ TP, its row against the
        // car objects, its column against the car predictions.
        XCTAssertTrue(
            text.hasPrefix(
                "\(directory.path)/confusion-matrix.json disagrees with \(payload) in 3 place(s) "
                    + "(first: confusion-matrix.values[0][0]: car: cell 18 but the payload's Σ TP = 19)"), text)
        // The caret covers the quoted file name, from column 6 to the end of the line.
        XCTAssertEqual(diagnostic.range.start.column, 6)
        XCTAssertEqual(diagnostic.range.length, payload.count + 2)
    }
}
