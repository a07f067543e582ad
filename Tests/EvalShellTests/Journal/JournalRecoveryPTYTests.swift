import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// An interactive evalsh killed with SIGKILL in the middle of an edit session, started again on
/// the same evaluation: the journal offers the edits back, `recover` restores them, `discard`
/// drops them.
final class JournalRecoveryPTYTests: XCTestCase {
    private var sandbox: ShellSandbox!

    override func setUpWithError() throws {
        sandbox = try ShellSandbox(for: self)
    }

    /// Makes two edits at a terminal, checks the journal holds them, and kills the shell.
    private func editThenKill() throws {
        let terminal = try sandbox.launchInteractive()
        try terminal.expectPrompt("evalsh predictions> ", timeout: 30)
        terminal.send("metric iou=0.6\r")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")
        terminal.send("rename car automobile\r")
        try terminal.expectPrompt("evalsh predictions [2 edits]> ")

        let files = sandbox.journalFiles()
        XCTAssertEqual(files.count, 1, "one journal for the one evaluation")
        let file = try XCTUnwrap(files.first)
        let mode = (try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue
        XCTAssertEqual(mode, 0o600)
        let entry = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        let edits = try XCTUnwrap(entry["edits"] as? [[String: Any]])
        XCTAssertEqual(edits.compactMap { $0["statement"] as? String }, ["metric iou=0.6", "rename car automobile"])
        XCTAssertEqual(edits.compactMap { $0["effect"] as? String }.count, 2, "what each edit changed is kept for the offer")

        XCTAssertEqual(kill(terminal.pid, SIGKILL), 0)
        XCTAssertEqual(try terminal.waitForExit(), 128 + SIGKILL)
    }

    /// Starts the shell again and waits for the journal's offer and the prompt.
    private func relaunchExpectingTheOffer(of count: Int = 2) throws -> PseudoTerminal {
        let terminal = try sandbox.launchInteractive()
        try terminal.expect("\(count) unpushed edit(s) of predictions from an earlier session", timeout: 30)
        try terminal.expect("'recover' restores them, 'discard' drops them")
        try terminal.expectPrompt("evalsh predictions> ")
        // The offer follows what the load said (its progress line erased), on a row of its own.
        let raw = terminal.rawOutput
        let offer = try XCTUnwrap(raw.range(of: "\(count) unpushed edit(s)"))
        XCTAssertTrue(raw[..<offer.lowerBound].contains("loaded predictions: 120 images"), String(raw[..<offer.lowerBound]))
        XCTAssertTrue(
            raw[..<offer.lowerBound].hasSuffix("\r\u{1B}[K") || raw[..<offer.lowerBound].hasSuffix("\n")
                || raw[..<offer.lowerBound].hasSuffix("\r\n"),
            "the offer shares a row with: \(raw[..<offer.lowerBound].suffix(80).debugDescription)")
        return terminal
    }

    func testTheEditsOfAKilledSessionComeBackWithRecover() throws {
        try editThenKill()
        let terminal = try relaunchExpectingTheOffer()
        terminal.send("recover\r")
        try terminal.expect("recovered 2 edit(s) of predictions")
        try terminal.expectPrompt("evalsh predictions [2 edits]> ")

        // The restored edits have their effects: the renamed class and the new IoU threshold.
        terminal.send("pending\r")
        let pending = try terminal.expect("rename car automobile")
        XCTAssertTrue(pending.contains("metric iou=0.6"), pending)
        try terminal.expectPrompt("evalsh predictions [2 edits]> ")
        terminal.send("cell automobile automobile\r")
        try terminal.expect("cell automobile → automobile")
        try terminal.expectPrompt("evalsh predictions [2 edits]> ")
        terminal.send("summary\r")
        try terminal.expect("IoU 0.60")
        try terminal.expectPrompt("evalsh predictions [2 edits]> ")

        terminal.send("quit\r")
        try terminal.expect("quit anyway? [y/N] ")
        terminal.send("y\r")
        XCTAssertEqual(try terminal.waitForExit(), 0)
        XCTAssertEqual(sandbox.journalFiles().count, 1, "unpushed edits stay journaled after quitting anyway")
    }

    func testDiscardDropsTheJournaledEdits() throws {
        try editThenKill()
        let terminal = try relaunchExpectingTheOffer()
        terminal.send("discard\r")
        try terminal.expect("discarded the 2 journaled edit(s) of predictions")
        try terminal.expectPrompt("evalsh predictions> ")
        XCTAssertEqual(sandbox.journalFiles(), [])
        terminal.send("recover\r")
        try terminal.expect("no journaled edits for predictions")
        try terminal.expectPrompt("evalsh predictions> ")
        terminal.send("\u{04}")
        XCTAssertEqual(try terminal.waitForExit(), 0)

        let again = try sandbox.launchInteractive()
        let opening = try again.expectPrompt("evalsh predictions> ", timeout: 30)
        XCTAssertFalse(opening.contains("earlier session"), opening)
        again.send("\u{04}")
        XCTAssertEqual(try again.waitForExit(), 0)
    }

    /// Editing before answering the offer keeps the earlier edits in the journal, through a
    /// second kill; `recover` then puts them before this session's own.
    func testEditingBeforeAnsweringTheOfferLosesNothing() throws {
        try editThenKill()
        let second = try relaunchExpectingTheOffer()
        second.send("metric confidence=0.3\r")
        try second.expectPrompt("evalsh predictions [1 edit]> ")
        XCTAssertEqual(kill(second.pid, SIGKILL), 0)
        XCTAssertEqual(try second.waitForExit(), 128 + SIGKILL)

        let third = try relaunchExpectingTheOffer(of: 3)
        third.send("metric reviewer=ann\r")
        try third.expectPrompt("evalsh predictions [1 edit]> ")
        third.send("recover\r")
        try third.expect("recovered 3 edit(s) of predictions")
        try third.expectPrompt("evalsh predictions [4 edits]> ")
        third.send("pending\r")
        let pending = try third.expect("metric reviewer=ann")
        let order = ["metric iou=0.6", "rename car automobile", "metric confidence=0.3", "metric reviewer=ann"]
        let positions = order.compactMap { pending.range(of: $0)?.lowerBound }
        XCTAssertEqual(positions.count, 4, pending)
        XCTAssertEqual(positions, positions.sorted(), "earlier edits replay first:\n\(pending)")
        try third.expectPrompt("evalsh predictions [4 edits]> ")

        // Nothing is left to recover: a second recover does not apply the edits twice.
        third.send("recover\r")
        try third.expect("no journaled edits for predictions")
        try third.expectPrompt("evalsh predictions [4 edits]> ")
    }

    /// A push clears the journal: nothing is offered on the next start.
    func testAPushEmptiesTheJournal() throws {
        let terminal = try sandbox.launchInteractive()
        try terminal.expectPrompt("evalsh predictions> ", timeout: 30)
        terminal.send("metric iou=0.6\r")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")
        XCTAssertEqual(sandbox.journalFiles().count, 1)
        terminal.send("push store:journal-test\r")
        try terminal.expect("pushed predictions to store:journal-test (version 1) with 1 edit(s)")
        try terminal.expectPrompt("evalsh predictions> ")
        XCTAssertEqual(sandbox.journalFiles(), [])
        terminal.send("quit\r")
        XCTAssertEqual(try terminal.waitForExit(), 0, "nothing unpushed: no question")
    }
}
