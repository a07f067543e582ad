@testable import EvalShell
import XCTest

/// Cutting a run's stream at statement markers: exact, whatever the statements printed.
final class MarkedOutputTests: XCTestCase {
    private func marker(_ place: String) -> String { StatementMarker.prefix + place + "\n" }

    func testCutsAtTheFilesMarkersAndTakesThemOut() {
        let raw = "loaded\n" + marker("s.evq:2") + "two\n" + marker("s.evq:5") + "five\nmore\n"
        let output = MarkedOutput(raw, file: "s.evq")
        XCTAssertEqual(output.text, "loaded\ntwo\nfive\nmore\n")
        XCTAssertEqual(output.beforeStatements, "loaded\n")
        XCTAssertEqual(output.byLine, [2: "two\n", 5: "five\nmore\n"])
    }

    func testAMarkerAfterOutputWithoutLineEndStillCuts() {
        let output = MarkedOutput("partial" + marker("s.evq:1") + "next", file: "s.evq")
        XCTAssertEqual(output.text, "partialnext")
        XCTAssertEqual(output.beforeStatements, "partial")
        XCTAssertEqual(output.byLine, [1: "next"])
    }

    func testOtherFilesMarkersBelongToTheStatementThatRanThem() {
        // The command line's loads, then `source other.txt` on line 3 running two statements.
        let raw = marker("<command line>:1") + "loaded\n" + marker("s.evq:3") + marker("other.txt:1") + "a\n"
            + marker("other.txt:2") + "b\n" + marker("s.evq:4") + "c\n"
        let output = MarkedOutput(raw, file: "s.evq")
        XCTAssertEqual(output.beforeStatements, "loaded\n")
        XCTAssertEqual(output.byLine, [3: "a\nb\n", 4: "c\n"])
    }

    func testStatementsOfOneLineShareItsOutput() {
        let output = MarkedOutput(marker("s.evq:2") + "x\n" + marker("s.evq:2") + "y\n", file: "s.evq")
        XCTAssertEqual(output.byLine, [2: "x\ny\n"])
    }

    func testACheckIsAboutTheNearestStatementLineAboveIt() {
        let output = MarkedOutput("pre\n" + marker("s.evq:2") + "two\n" + marker("s.evq:6") + "six\n", file: "s.evq")
        XCTAssertEqual(output.output(above: 1), "pre\n")
        XCTAssertEqual(output.output(above: 2), "pre\n")
        XCTAssertEqual(output.output(above: 3), "two\n")
        XCTAssertEqual(output.output(above: 6), "two\n")
        XCTAssertEqual(output.output(above: 7), "six\n")
        // Below statements that did not run (the run stopped at line 6): still line 6's output.
        XCTAssertEqual(output.output(above: 40), "six\n")
    }

    func testWithoutMarkersEverythingCameBeforeTheStatements() {
        let output = MarkedOutput("s.evq:3:1: error: unexpected\n", file: "s.evq")
        XCTAssertEqual(output.output(above: 5), "s.evq:3:1: error: unexpected\n")
        XCTAssertTrue(output.byLine.isEmpty)
    }
}
