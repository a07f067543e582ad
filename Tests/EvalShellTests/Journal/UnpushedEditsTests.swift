import Foundation
import XCTest

/// Leaving with unpushed edits: an interactive session asks first, a script says so on
/// standard error; and a failed push at the terminal keeps the edits without showing the token.
final class UnpushedEditsTests: XCTestCase {
    private var sandbox: ShellSandbox!

    override func setUpWithError() throws {
        sandbox = try ShellSandbox(for: self)
    }

    func testLeavingAnInteractiveSessionWithUnpushedEditsAsksForConfirmation() throws {
        let terminal = try sandbox.launchInteractive()
        try terminal.expectPrompt("evalsh predictions> ", timeout: 30)
        terminal.send("metric iou=0.6\r")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")

        terminal.send("quit\r")
        try terminal.expect("unpushed edits in predictions (1); they stay in the journal ('recover' next time).")
        try terminal.expectPrompt("quit anyway? [y/N] ")
        terminal.send("n\r")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")

        // Ctrl-D asks the same question; Enter alone means no.
        terminal.send("\u{04}")
        try terminal.expectPrompt("quit anyway? [y/N] ")
        terminal.send("\r")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")

        terminal.send("\u{04}")
        try terminal.expectPrompt("quit anyway? [y/N] ")
        terminal.send("yes\r")
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    func testAScriptEndingWithUnpushedEditsSaysSoOnStandardError() throws {
        let run = try sandbox.runScript("metric iou=0.6; rename car automobile")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "warning: predictions has 2 unpushed edit(s); 'push' sends them\n")
        XCTAssertEqual(sandbox.journalFiles(), [], "scripts keep no journal")

        let pushed = try sandbox.runScript("metric iou=0.6; push store:x")
        XCTAssertEqual(pushed.status, 0, pushed.stderr)
        XCTAssertEqual(pushed.stderr, "")
    }

    /// With PICSELLIA_TOKEN set, a push to an unreachable host fails at the prompt; the edits stay
    /// pending (prompt and `pending`) and journaled, and the token is in none of the output, the
    /// history (not even a line the user typed it into), the journal or the store.
    func testAFailedPicselliaPushKeepsTheEditsAndNeverShowsTheToken() throws {
        let token = "tok-PTY-SECRET-13572468"
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        sandbox.extraEnvironment = ["PICSELLIA_TOKEN": token, "PICSELLIA_HOST": "http://127.0.0.1:1"]
        let terminal = try sandbox.launchInteractive()
        try terminal.expectPrompt("evalsh predictions> ", timeout: 30)
        terminal.send("metric iou=0.6\r")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")
        terminal.send("push picsellia:0188e773-0000-7000-8000-00000000000b\r")
        try terminal.expect("cannot reach http://127.0.0.1:1", timeout: 30)
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")
        terminal.send("pending\r")
        try terminal.expect("metric iou=0.6")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")
        XCTAssertFalse(terminal.transcript.contains(token), "the failed push showed the token:\n\(terminal.transcript)")
        // A line holding the token (pasted by mistake) runs, and errors, but is kept out of the history.
        terminal.send("help \(token)\r")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")
        terminal.send("push store:kept\r")
        try terminal.expect("pushed predictions to store:kept (version 1) with 1 edit(s)")
        try terminal.expectPrompt("evalsh predictions> ")
        terminal.send("metric iou=0.7\r")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")
        terminal.send("quit\r")
        try terminal.expectPrompt("quit anyway? [y/N] ")
        terminal.send("y\r")
        XCTAssertEqual(try terminal.waitForExit(), 0)

        let history = try String(contentsOfFile: sandbox.historyPath, encoding: .utf8)
        XCTAssertTrue(history.contains("push picsellia:0188e773-0000-7000-8000-00000000000b"), history)
        XCTAssertFalse(history.contains(token), history)
        XCTAssertEqual(sandbox.journalFiles().count, 1)
        for file in sandbox.journalFiles() + [sandbox.root.path + "/data/evalsh/store.sqlite"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            XCTAssertNil(data.range(of: Data(token.utf8)), "\(file) holds the token")
        }
    }
}
