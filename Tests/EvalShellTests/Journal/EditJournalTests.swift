import EvalQuery
import Foundation
import XCTest

@testable import EvalShell

/// The journal file itself: where it goes, who may read it, and which evaluation it belongs to.
final class EditJournalTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-journal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    private func mode(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }

    func testTheJournalFollowsXDGStateHomeThenHome() {
        XCTAssertEqual(
            EditJournal.defaultLocation(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.directory, "/s/evalsh/journal")
        XCTAssertEqual(
            EditJournal.defaultLocation(environment: ["XDG_STATE_HOME": "", "HOME": "/h"])?.directory,
            "/h/.local/state/evalsh/journal")
        XCTAssertNil(EditJournal.defaultLocation(environment: [:]))
    }

    func testSavedStatementsComeBackPrivatelyAndAnEmptyListRemovesTheFile() throws {
        let journal = EditJournal(directory: directory.path + "/evalsh/journal")
        let origin = EvaluationOrigin.files(["/data/gt.json", "/data/dt.json"])
        try journal.save(["metric iou=0.6", "rename car automobile"], evaluation: "dt", origin: origin)

        let entry = try XCTUnwrap(journal.entry(for: origin, evaluation: "dt"))
        XCTAssertEqual(entry.statements, ["metric iou=0.6", "rename car automobile"])
        XCTAssertEqual(entry.evaluation, "dt")
        let file = journal.path(for: origin, evaluation: "dt")
        XCTAssertEqual(try mode(file), 0o600)
        XCTAssertEqual(try mode(journal.directory), 0o700)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: journal.directory), [(file as NSString).lastPathComponent])

        XCTAssertNil(journal.entry(for: .files(["/data/gt.json", "/other/dt.json"]), evaluation: "dt"), "another evaluation's journal")
        try journal.save([], evaluation: "dt", origin: origin)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        XCTAssertNil(journal.entry(for: origin, evaluation: "dt"))
    }

    /// A journal written before `earlier` existed reads as all of this session's own.
    func testAJournalWithoutTheEarlierCountStillReads() throws {
        let journal = EditJournal(directory: directory.path)
        let origin = EvaluationOrigin.payloadFile("/data/evaluation.json")
        let text = #"{"evaluation": "evaluation", "origin": "/data/evaluation.json", "statements": ["rename car auto"], "updated": "2025-01-02T03:04:05Z"}"#
        try Data(text.utf8).write(to: URL(fileURLWithPath: journal.path(for: origin, evaluation: "evaluation")))
        let entry = try XCTUnwrap(journal.entry(for: origin, evaluation: "evaluation"))
        XCTAssertEqual(entry.statements, ["rename car auto"])
        XCTAssertEqual(entry.earlier, 0)
    }

    /// `evalsh gt.json dt.json` in two project folders are two evaluations; the same files named
    /// relatively or absolutely are one.
    func testRelativePathsAreResolvedAgainstTheWorkingDirectory() {
        let journal = EditJournal(directory: "/unused")
        let relative = EvaluationOrigin.files(["gt.json", "dt.json"])
        XCTAssertEqual(
            journal.key(for: relative, workingDirectory: "/projects/a"),
            journal.key(for: .files(["/projects/a/gt.json", "/projects/b/../a/./dt.json"]), workingDirectory: "/"))
        XCTAssertNotEqual(
            journal.key(for: relative, workingDirectory: "/projects/a"),
            journal.key(for: relative, workingDirectory: "/projects/b"))
        XCTAssertEqual(
            journal.key(for: .payloadFile("out/eval.json"), workingDirectory: "/w"),
            EvaluationOrigin.payloadFile("/w/out/eval.json").description)
        XCTAssertEqual(journal.key(for: .target("store:x@2"), workingDirectory: "/w"), "store:x@2")
        XCTAssertEqual(journal.key(for: .target("picsellia:p/e"), workingDirectory: "/w"), "picsellia:p/e")
        XCTAssertEqual(journal.key(for: .target("eval.json"), workingDirectory: "/w"), "/w/eval.json")
    }

    /// The same experiment name in two local stores (`--store`) is two evaluations.
    func testStoreOriginsAreKeyedByTheirStore() {
        let origin = EvaluationOrigin.target("store:baseline")
        let a = EditJournal(directory: "/unused", storePath: "/w/a.sqlite")
        let b = EditJournal(directory: "/unused", storePath: "/w/b.sqlite")
        XCTAssertEqual(a.key(for: origin, workingDirectory: "/"), "store:baseline in /w/a.sqlite")
        XCTAssertNotEqual(a.path(for: origin, evaluation: "baseline"), b.path(for: origin, evaluation: "baseline"))
        XCTAssertEqual(
            a.key(for: origin, workingDirectory: "/w"),
            EditJournal(directory: "/unused", storePath: "a.sqlite").key(for: origin, workingDirectory: "/w"))
    }

    /// The same files loaded twice under two names are two evaluations with a journal each.
    func testTheSameFilesUnderTwoNamesHaveTwoJournals() throws {
        let journal = EditJournal(directory: directory.path)
        let origin = EvaluationOrigin.files(["/data/gt.json", "/data/dt.json"])
        try journal.save(["metric iou=0.6"], evaluation: "big", origin: origin)
        XCTAssertNil(journal.entry(for: origin, evaluation: "big2"))
        XCTAssertEqual(journal.entry(for: origin, evaluation: "BIG")?.statements, ["metric iou=0.6"], "names are case-insensitive")
        try journal.save([], evaluation: "big2", origin: origin)
        XCTAssertNotNil(journal.entry(for: origin, evaluation: "big"), "clearing big2's journal leaves big's")
    }
}
