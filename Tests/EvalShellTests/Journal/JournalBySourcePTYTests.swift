import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Issue 12 item 7: the journal belongs to the evaluation's source, not to the name it was
/// loaded under. Edits made after `load out.json as v2` in a shell killed with SIGKILL are
/// offered by `evalsh out.json`, listed with when they were made; `recover` restores them,
/// `undo` takes them back one by one, `discard` drops what `recover` restored; a file rewritten
/// between the sessions is said to have changed.
final class JournalBySourcePTYTests: XCTestCase {
    private var sandbox: ShellSandbox!

    override func setUpWithError() throws {
        sandbox = try ShellSandbox(for: self)
    }

    private func kill9(_ terminal: PseudoTerminal) throws {
        XCTAssertEqual(kill(terminal.pid, SIGKILL), 0)
        XCTAssertEqual(try terminal.waitForExit(), 128 + SIGKILL)
    }

    /// `evalsh` with no file, `load out.json as v2`, two edits, then SIGKILL.
    private func editAsV2ThenKill(_ payload: String) throws {
        let terminal = try sandbox.launchInteractive(files: [])
        try terminal.expectPrompt("evalsh> ", timeout: 30)
        terminal.send("load \(payload) as v2\r")
        try terminal.expectPrompt("evalsh v2> ", timeout: 30)
        terminal.send("metric reviewer=ann\r")
        try terminal.expectPrompt("evalsh v2 [1 edit]> ")
        terminal.send("rename car automobile\r")
        try terminal.expectPrompt("evalsh v2 [2 edits]> ")
        XCTAssertEqual(sandbox.journalFiles().count, 1)
        try kill9(terminal)
    }

    /// The offer of `evalsh out.json`: the count, the name the edits were made under, the edits
    /// as `pending` lists them (statement and effect) with the minute each was made, and the
    /// statements that answer.
    private func expectOffer(_ terminal: PseudoTerminal, prompt: String) throws -> String {
        let offer = try terminal.expect("2 unpushed edit(s) of out from an earlier session (made as v2, last ", timeout: 30)
        XCTAssertFalse(offer.contains("warning"), offer)
        try terminal.expect("'recover' restores them, 'discard' drops them")
        let table = try terminal.expectPrompt(prompt)
        let minute = try NSRegularExpression(pattern: #"20\d\d-\d\d-\d\d \d\d:\d\d"#)
        for (number, statement, effect) in [
            ("1", "metric reviewer=ann", "reviewer"), ("2", "rename car automobile", #"class "car" → "automobile""#),
        ] {
            let row = try XCTUnwrap(table.split(separator: "\n").first { $0.contains(statement) }, table)
            XCTAssertTrue(row.contains(number) && row.contains(effect), String(row))
            XCTAssertEqual(minute.numberOfMatches(in: String(row), range: NSRange(row.startIndex..., in: row)), 1, String(row))
        }
        return table
    }

    func testEditsMadeUnderAnotherNameAreOfferedByTheFileAndRecoveredThenDiscarded() throws {
        let payload = try sandbox.copy("Examples/picsellia/evaluation.json", as: "out.json")
        try editAsV2ThenKill(payload)

        let terminal = try sandbox.launchInteractive(files: [payload])
        try expectOffer(terminal, prompt: "evalsh out> ")
        terminal.send("recover\r")
        try terminal.expect("recovered 2 edit(s) of out")
        try terminal.expectPrompt("evalsh out [2 edits]> ")
        terminal.send("pending\r")
        let pending = try terminal.expect("rename car automobile")
        XCTAssertTrue(pending.contains("metric reviewer=ann"), pending)
        try terminal.expectPrompt("evalsh out [2 edits]> ")

        // An edit of this session after the restored ones stays when `discard` drops those.
        terminal.send("metric owner=bob\r")
        try terminal.expectPrompt("evalsh out [3 edits]> ")
        terminal.send("discard\r")
        try terminal.expect("discarded the 2 recovered edit(s) of out (1 pending)")
        try terminal.expectPrompt("evalsh out [1 edit]> ")
        terminal.send("pending\r")
        let left = try terminal.expect("metric owner=bob")
        XCTAssertFalse(left.contains("reviewer") || left.contains("automobile"), left)
        try terminal.expectPrompt("evalsh out [1 edit]> ")
        terminal.send("undo\r")
        try terminal.expectPrompt("evalsh out> ")
        XCTAssertEqual(sandbox.journalFiles(), [], "nothing pending, nothing journaled")
        terminal.send("discard\r")
        try terminal.expect("no journaled edits for out")
        terminal.send("quit\r")
        XCTAssertEqual(try terminal.waitForExit(), 0)

        let again = try sandbox.launchInteractive(files: [payload])
        let opening = try again.expectPrompt("evalsh out> ", timeout: 30)
        XCTAssertFalse(opening.contains("earlier session"), opening)
        again.send("quit\r")
        XCTAssertEqual(try again.waitForExit(), 0)
    }

    /// After `recover`, `undo` takes the restored edits back one at a time (the journal follows),
    /// and `discard` then drops the one left.
    func testUndoTakesRecoveredEditsBackOneByOne() throws {
        let payload = try sandbox.copy("Examples/picsellia/evaluation.json", as: "out.json")
        try editAsV2ThenKill(payload)
        let terminal = try sandbox.launchInteractive(files: [payload])
        try expectOffer(terminal, prompt: "evalsh out> ")
        terminal.send("recover\r")
        try terminal.expectPrompt("evalsh out [2 edits]> ")
        terminal.send("undo\r")
        try terminal.expect("undid 'rename car automobile' (1 pending)")
        try terminal.expectPrompt("evalsh out [1 edit]> ")
        let journal = try Data(contentsOf: URL(fileURLWithPath: try XCTUnwrap(sandbox.journalFiles().first)))
        let entry = try XCTUnwrap(JSONSerialization.jsonObject(with: journal) as? [String: Any])
        let statements = (entry["edits"] as? [[String: Any]])?.compactMap { $0["statement"] as? String }
        XCTAssertEqual(statements, ["metric reviewer=ann"])
        terminal.send("discard\r")
        try terminal.expect("discarded the 1 recovered edit(s) of out (0 pending)")
        try terminal.expectPrompt("evalsh out> ")
        XCTAssertEqual(sandbox.journalFiles(), [])
        terminal.send("quit\r")
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    /// The predictions rewritten between the sessions with the same size (one score's digit
    /// changed): the offer says the file changed, and the edits are still offered and recovered.
    func testAFileRewrittenBetweenSessionsIsSaidToHaveChanged() throws {
        let gt = try sandbox.copy("Examples/coco-small/gt.json", as: "gt.json")
        let predictions = try sandbox.copy("Examples/coco-small/predictions.json", as: "predictions.json")
        let first = try sandbox.launchInteractive(files: [gt, predictions])
        try first.expectPrompt("evalsh predictions> ", timeout: 30)
        first.send("metric iou=0.6\r")
        try first.expectPrompt("evalsh predictions [1 edit]> ")
        try kill9(first)

        var text = try String(contentsOfFile: predictions, encoding: .utf8)
        let score = try XCTUnwrap(text.range(of: #""score": 0.997236360475467"#))
        text.replaceSubrange(score, with: #""score": 0.797236360475467"#)
        let size = try FileManager.default.attributesOfItem(atPath: predictions)[.size] as? Int
        try Data(text.utf8).write(to: URL(fileURLWithPath: predictions))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: predictions)[.size] as? Int, size)

        let second = try sandbox.launchInteractive(files: [gt, predictions])
        try second.expect("1 unpushed edit(s) of predictions from an earlier session", timeout: 30)
        try second.expect("\(URL(fileURLWithPath: predictions).resolvingSymlinksInPath().path) changed since these edits were made")
        let table = try second.expectPrompt("evalsh predictions> ")
        XCTAssertTrue(table.contains("metric iou=0.6"), table)
        XCTAssertFalse(table.contains("gt.json changed"), table)
        second.send("recover\r")
        try second.expect("recovered 1 edit(s) of predictions")
        try second.expectPrompt("evalsh predictions [1 edit]> ")
        second.send("summary\r")
        try second.expect("IoU 0.60")
        try second.expectPrompt("evalsh predictions [1 edit]> ")
        try kill9(second)

        // Recovered and killed again: the same files, unchanged since, are offered without the warning.
        let third = try sandbox.launchInteractive(files: [gt, predictions])
        let offer = try third.expectPrompt("evalsh predictions> ", timeout: 30)
        XCTAssertTrue(offer.contains("1 unpushed edit(s) of predictions from an earlier session"), offer)
        XCTAssertFalse(offer.contains("changed since"), offer)
        third.send("quit\r")
        XCTAssertEqual(try third.waitForExit(), 0)
    }
}
