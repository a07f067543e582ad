import EvalShell
import Foundation
import XCTest

/// Drives the real `LineEditor` and `runREPL` through a pseudo-terminal: this test binary is
/// re-launched running `LineEditorHarness`, and keys are typed into it.
final class LineEditorPTYTests: XCTestCase {
    override class func setUp() {
        super.setUp()
        LineEditorHarness.serveIfChild()
    }

    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("evalsh-pty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private var historyPath: String { directory.path + "/state/evalsh/history" }

    private func launchHarness() throws -> PseudoTerminal {
        guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else {
            throw XCTSkip("re-launching the test binary needs /proc/self/exe (Linux)")
        }
        let terminal = try PseudoTerminal(
            executable: executable,
            arguments: [LineEditorHarness.testName],
            environment: [
                LineEditorHarness.environmentVariable: "1",
                "HOME": directory.path,
                "XDG_STATE_HOME": directory.path + "/state",
                "LANG": "C.UTF-8",
                "PATH": "/usr/bin:/bin",
            ])
        try terminal.expect("harness ready")
        try terminal.expectPrompt("test> ")
        return terminal
    }

    /// Waits for `output` and then for the next prompt, ready for keys.
    private func expectThenPrompt(_ terminal: PseudoTerminal, _ output: String) throws {
        try terminal.expect(output)
        try terminal.expectPrompt("test> ")
    }

    func testTabCompletesEnterRunsAndUpRecalls() throws {
        let terminal = try launchHarness()
        terminal.send("sum\t")
        try terminal.expect("summary ")
        terminal.send("\r")
        try terminal.expect("ran: summary")
        try terminal.expectPrompt("test> ")
        terminal.send("\u{1B}[A\r")
        try terminal.expect("ran: summary")
    }

    func testCompletionQuotesNamesWithSpacesAndListsAlternatives() throws {
        let terminal = try launchHarness()
        terminal.send("cell traf\t\r")
        try terminal.expect("ran: cell \"traffic light\"")
        try terminal.expectPrompt("test> ")
        terminal.send("cell tr\t\t")
        try terminal.expect("train")
        try terminal.expect("truck")
        terminal.send("u\t\r")
        try terminal.expect("ran: cell truck")
    }

    func testControlCAbandonsTheLineAndKeepsTheSession() throws {
        let terminal = try launchHarness()
        terminal.send("matr")
        try terminal.expect("matr")
        terminal.send("\u{03}")
        try terminal.expectPrompt("test> ")
        terminal.send("cell\r")
        let output = try terminal.expect("ran: cell")
        XCTAssertFalse(output.contains("matrcell"), output)
    }

    func testControlCOnAContinuationLineAbandonsTheWholeStatement() throws {
        let terminal = try launchHarness()
        terminal.send("where FN \\\r")
        try terminal.expectPrompt("...> ")
        terminal.send("> 2\u{03}")
        try terminal.expectPrompt("test> ")
        terminal.send("matrix\r")
        let output = try terminal.expect("ran: matrix")
        XCTAssertFalse(output.contains("ran: where"), output)
    }

    func testPathCompletionQuotesADirectoryWithSpacesAndLeavesItOpen() throws {
        let folder = directory.path + "/coco small"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let terminal = try launchHarness()
        // libedit redraws the edited line with cursor motions, so the completed text is
        // checked in the statement the host receives rather than on screen.
        terminal.send("load \(directory.path)/co\tgt.json\"\r")
        try terminal.expect("ran: load \"\(folder)/gt.json\"")
    }

    func testControlCDuringAStatementRaisesTheInterruptFlag() throws {
        let terminal = try launchHarness()
        terminal.send("spin\r")
        try terminal.expect("spinning")
        terminal.send("\u{03}")
        try expectThenPrompt(terminal, "spin cancelled")
        terminal.send("cell\r")
        try terminal.expect("ran: cell")
    }

    func testBackslashContinuesTheStatement() throws {
        let terminal = try launchHarness()
        terminal.send("where FN \\\r")
        try terminal.expectPrompt("...> ")
        terminal.send("  > 2\r")
        try terminal.expect("ran: where FN > 2")
    }

    func testControlRSearchesHistoryBackwards() throws {
        let terminal = try launchHarness()
        terminal.send("cell truck\r")
        try expectThenPrompt(terminal, "ran: cell truck")
        terminal.send("matrix\r")
        try expectThenPrompt(terminal, "ran: matrix")
        // The search result is redrawn with cursor motions, so the outcome is checked in
        // the statement the host receives.
        terminal.send("\u{12}ll t\r")
        try terminal.expect("ran: cell truck")
    }

    func testNonASCIIInputSurvives() throws {
        let terminal = try launchHarness()
        terminal.send("cell piéton ☃\r")
        try terminal.expect("ran: cell piéton ☃")
    }

    func testControlDAsksTheHostAndHistoryPersistsPrivately() throws {
        let terminal = try launchHarness()
        terminal.send("summary\r")
        try expectThenPrompt(terminal, "ran: summary")
        terminal.send("summary\r")
        try expectThenPrompt(terminal, "ran: summary")
        terminal.send("push picsellia token=s3cr3t\r")
        try expectThenPrompt(terminal, "ran: push picsellia token=s3cr3t")
        terminal.send(" secret scratch\r")
        try expectThenPrompt(terminal, "ran:  secret scratch")
        terminal.send("matrix\r")
        try expectThenPrompt(terminal, "ran: matrix")
        terminal.send("history\r")
        try terminal.expect("1  summary")
        try terminal.expect("2  matrix")
        try expectThenPrompt(terminal, "3  history")
        terminal.send("\u{04}")
        try expectThenPrompt(terminal, "press Ctrl-D again")
        terminal.send("\u{04}")
        try terminal.expect("session ended")
        XCTAssertEqual(try terminal.waitForExit(), 0)

        let contents = try String(contentsOfFile: historyPath, encoding: .utf8)
        XCTAssertEqual(contents, "summary\nmatrix\nhistory\n")
        let attributes = try FileManager.default.attributesOfItem(atPath: historyPath)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o600)

        let second = try launchHarness()
        second.send("\u{1B}[A\u{1B}[A\r")
        try second.expect("ran: matrix")
    }
}
