import EvalQuery
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

@testable import EvalShell

/// Journal files the built binary meets on start: one of an older evalsh (keyed by name) is
/// offered by its source and taken over; one that cannot be read is named and set aside, and
/// the shell goes on; a store pull's journal is the pulled version's.
final class JournalFilesEndToEndTests: XCTestCase {
    private var sandbox: ShellSandbox!

    override func setUpWithError() throws {
        sandbox = try ShellSandbox(for: self)
    }

    private func writeJournalFile(_ name: String, _ text: String) throws -> String {
        try FileManager.default.createDirectory(atPath: sandbox.journalDirectory, withIntermediateDirectories: true)
        let file = sandbox.journalDirectory + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    func testAJournalOfAnOlderEvalshIsOfferedByItsSourceAndTakenOver() throws {
        let key = EvaluationOrigin.files(sandbox.coco.map { URL(fileURLWithPath: $0).standardizedFileURL.path }).description
        let old = try writeJournalFile(
            "0123abcd.json",
            #"{"evaluation": "v2", "origin": "\#(key)", "statements": ["metric iou=0.6"], "earlier": 0, "updated": "2025-01-02T03:04:05Z"}"#)
        let terminal = try sandbox.launchInteractive()
        try terminal.expect("1 unpushed edit(s) of predictions from an earlier session (made as v2, last 2025-01-0", timeout: 30)
        try terminal.expect("journaled by an older evalsh, which did not record the files' content")
        let table = try terminal.expectPrompt("evalsh predictions> ")
        XCTAssertTrue(table.contains("metric iou=0.6") && table.contains("(not recorded)"), table)
        XCTAssertFalse(FileManager.default.fileExists(atPath: old))
        XCTAssertEqual(sandbox.journalFiles().count, 1, "rewritten under its source's name")
        terminal.send("recover\r")
        try terminal.expect("recovered 1 edit(s) of predictions")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")
        terminal.send("summary\r")
        try terminal.expect("IoU 0.60")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")
        terminal.send("discard\r")
        try terminal.expect("discarded the 1 recovered edit(s) of predictions (0 pending)")
        try terminal.expectPrompt("evalsh predictions> ")
        XCTAssertEqual(sandbox.journalFiles(), [])
        terminal.send("quit\r")
        XCTAssertEqual(try terminal.waitForExit(), 0)
    }

    /// A journal cut short (a disk that filled up, an editor) at the coco example's name: the
    /// script is told which file and where it was set aside, runs on, and the bytes are kept.
    func testACorruptJournalIsNamedAndSetAsideWithoutStoppingTheShell() throws {
        let identity = JournalIdentity.of(.files(sandbox.coco), storePath: nil)
        let name = (EditJournal(directory: sandbox.journalDirectory).path(for: identity) as NSString).lastPathComponent
        let text = #"{"format": 2, "origin": "\#(identity.key)", "edits": [{"statement": "metric iou"#
        let file = try writeJournalFile(name, text)
        let run = try sandbox.runScript("summary")
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stderr, "warning: the edit journal \(file) is not valid JSON; set aside as \(file).corrupt\n")
        XCTAssertTrue(run.stdout.contains("IoU 0.50"), run.stdout)
        XCTAssertEqual(try String(contentsOfFile: file + ".corrupt", encoding: .utf8), text)
        XCTAssertEqual(sandbox.journalFiles(), [file + ".corrupt"])

        let again = try sandbox.runScript("recover")
        XCTAssertNotEqual(again.status, 0)
        XCTAssertTrue(again.stderr.contains("no journaled edits for predictions"), again.stderr)
        XCTAssertFalse(again.stderr.contains("set aside"), "said once: \(again.stderr)")
    }

    /// An edit holding the value of PICSELLIA_TOKEN is said to stay out of the journal, which
    /// keeps the other edits; after a kill only those are offered.
    func testAnEditHoldingTheTokenStaysOutOfTheJournal() throws {
        let token = "tokJOURNAL24680"
        sandbox.extraEnvironment = ["PICSELLIA_TOKEN": token]
        let terminal = try sandbox.launchInteractive()
        try terminal.expectPrompt("evalsh predictions> ", timeout: 30)
        terminal.send("metric iou=0.6\r")
        try terminal.expectPrompt("evalsh predictions [1 edit]> ")
        terminal.send("metric reviewer=\(token)\r")
        try terminal.expect("an edit of predictions holds the value of PICSELLIA_TOKEN: it is kept out of the edit journal")
        try terminal.expectPrompt("evalsh predictions [2 edits]> ")
        let file = try XCTUnwrap(sandbox.journalFiles().first)
        let text = try String(contentsOfFile: file, encoding: .utf8)
        XCTAssertTrue(text.contains("metric iou=0.6"), text)
        XCTAssertFalse(text.contains(token), text)
        XCTAssertEqual(kill(terminal.pid, SIGKILL), 0)
        XCTAssertEqual(try terminal.waitForExit(), 128 + SIGKILL)

        let again = try sandbox.launchInteractive()
        try again.expect("1 unpushed edit(s) of predictions from an earlier session", timeout: 30)
        try again.expectPrompt("evalsh predictions> ")
        again.send("quit\r")
        XCTAssertEqual(try again.waitForExit(), 0)
    }

    /// Edits of `pull store:x as base`, killed, are offered by `pull store:x@1` (the version
    /// pulled), and not by another version of the experiment.
    func testAStorePullIsJournaledByItsVersion() throws {
        let pushed = try sandbox.runScript("push store:x; metric iou=0.6; push store:x")
        XCTAssertEqual(pushed.status, 0, pushed.stderr)
        let first = try sandbox.launchInteractive(files: [])
        try first.expectPrompt("evalsh> ", timeout: 30)
        first.send("pull store:x@1 as base\r")
        try first.expectPrompt("evalsh base> ", timeout: 30)
        first.send("rename car automobile\r")
        try first.expectPrompt("evalsh base [1 edit]> ")
        XCTAssertEqual(kill(first.pid, SIGKILL), 0)
        XCTAssertEqual(try first.waitForExit(), 128 + SIGKILL)

        let second = try sandbox.launchInteractive(files: [])
        try second.expectPrompt("evalsh> ", timeout: 30)
        second.send("pull store:x\r")
        let latest = try second.expectPrompt("evalsh x> ", timeout: 30)
        XCTAssertFalse(latest.contains("earlier session"), "version 2 is another evaluation:\n\(latest)")
        second.send("pull store:x@1 as v1\r")
        try second.expect("1 unpushed edit(s) of v1 from an earlier session (made as base, ", timeout: 30)
        try second.expectPrompt("evalsh v1> ")
        second.send("recover\r")
        try second.expect("recovered 1 edit(s) of v1")
        try second.expectPrompt("evalsh v1 [1 edit]> ")
        second.send("quit\r")
        try second.expectPrompt("quit anyway? [y/N] ")
        second.send("y\r")
        XCTAssertEqual(try second.waitForExit(), 0)
    }
}
