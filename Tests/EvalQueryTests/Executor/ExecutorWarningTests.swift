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
}
