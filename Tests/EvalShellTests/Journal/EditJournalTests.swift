import EvalQuery
import Foundation
import XCTest

@testable import EvalShell

/// The journal file itself: where it goes, who may read it, and which source it belongs to.
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

    private func edits(_ statements: String...) -> [JournalEntry.Edit] {
        statements.map { JournalEntry.Edit(statement: $0, effect: "", made: Date(timeIntervalSince1970: 1_764_000_000)) }
    }

    private func identity(_ origin: EvaluationOrigin, storePath: String? = nil) -> JournalIdentity {
        JournalIdentity.of(origin, storePath: storePath, workingDirectory: "/")
    }

    func testTheJournalFollowsXDGStateHomeThenHome() {
        XCTAssertEqual(
            EditJournal.defaultLocation(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.directory, "/s/evalsh/journal")
        XCTAssertEqual(
            EditJournal.defaultLocation(environment: ["XDG_STATE_HOME": "", "HOME": "/h"])?.directory,
            "/h/.local/state/evalsh/journal")
        XCTAssertNil(EditJournal.defaultLocation(environment: [:]))
    }

    func testSavedEditsComeBackPrivatelyAndAnEmptyListRemovesTheFile() throws {
        let journal = EditJournal(directory: directory.path + "/evalsh/journal")
        let source = identity(.files(["/data/gt.json", "/data/dt.json"]))
        try journal.save(edits("metric iou=0.6", "rename car automobile"), evaluation: "v2", identity: source)

        let entry = try XCTUnwrap(journal.lookup(source).entry)
        XCTAssertEqual(entry.statements, ["metric iou=0.6", "rename car automobile"])
        XCTAssertEqual(entry.evaluation, "v2")
        XCTAssertEqual(entry.edits[0].made, Date(timeIntervalSince1970: 1_764_000_000))
        let file = journal.path(for: source)
        XCTAssertEqual(try mode(file), 0o600)
        XCTAssertEqual(try mode(journal.directory), 0o700)
        XCTAssertEqual(
            try FileManager.default.contentsOfDirectory(atPath: journal.directory), [(file as NSString).lastPathComponent],
            "no temporary file is left beside the journal")

        XCTAssertNil(journal.lookup(identity(.files(["/data/gt.json", "/other/dt.json"]))).entry, "another source's journal")
        try journal.save([], evaluation: "v2", identity: source)
        XCTAssertFalse(FileManager.default.fileExists(atPath: file))
        XCTAssertNil(journal.lookup(source).entry)
    }

    /// An edit holding the Picsellia token is left out of the file, and counted.
    func testEditsHoldingTheTokenAreNotWritten() throws {
        let journal = try XCTUnwrap(
            EditJournal.defaultLocation(environment: ["XDG_STATE_HOME": directory.path, "PICSELLIA_TOKEN": "tok123"]))
        let source = identity(.files(["/data/gt.json", "/data/dt.json"]))
        let withheld = try journal.save(
            edits("metric note=tok123", "metric iou=0.6", "metric owner=xtok123x"), earlier: 2, evaluation: "dt",
            identity: source)
        XCTAssertEqual(withheld, 2)
        let entry = try XCTUnwrap(journal.lookup(source).entry)
        XCTAssertEqual(entry.statements, ["metric iou=0.6"])
        XCTAssertEqual(entry.earlier, 1)
        let text = try String(contentsOfFile: journal.path(for: source), encoding: .utf8)
        XCTAssertFalse(text.contains("tok123"), text)
    }

    /// The name an evaluation had does not matter; two evaluations of one source loaded at once
    /// (slots 0 and 1) have a journal each.
    func testTheJournalIsTheSourcesWhateverTheEvaluationIsCalled() throws {
        let journal = EditJournal(directory: directory.path)
        let source = identity(.payloadFile("/data/out.json", matrix: "/data/out.confusion-matrix.json"))
        try journal.save(edits("metric reviewer=ann"), evaluation: "v2", identity: source)
        XCTAssertEqual(journal.lookup(identity(.payloadFile("/data/out.json"))).entry?.statements, ["metric reviewer=ann"])
        XCTAssertNil(journal.lookup(source, slot: 1).entry)
        try journal.save(edits("metric iou=0.6"), evaluation: "v3", identity: source, slot: 1)
        try journal.save([], evaluation: "v3", identity: source, slot: 1)
        XCTAssertNotNil(journal.lookup(source).entry, "clearing slot 1 leaves slot 0")
    }

    /// `evalsh gt.json dt.json` in two project folders are two evaluations; the same files named
    /// relatively, absolutely or through a symbolic link are one.
    func testPathsAreMadeAbsoluteAndSymbolicLinksResolved() throws {
        let real = directory.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: real.appendingPathComponent("gt.json"))
        try FileManager.default.createSymbolicLink(at: directory.appendingPathComponent("link"), withDestinationURL: real)
        let root = directory.resolvingSymlinksInPath().path
        let relative = JournalIdentity.of(.files(["gt.json"]), storePath: nil, workingDirectory: root + "/link")
        let absolute = JournalIdentity.of(.files([root + "/real/./gt.json"]), storePath: nil, workingDirectory: "/")
        XCTAssertEqual(relative.key, "files \(root)/real/gt.json")
        XCTAssertEqual(relative, absolute)
        XCTAssertNotEqual(
            JournalIdentity.of(.files(["gt.json"]), storePath: nil, workingDirectory: "/projects/a").key,
            JournalIdentity.of(.files(["gt.json"]), storePath: nil, workingDirectory: "/projects/b").key)
        XCTAssertEqual(identity(.target("picsellia:p/e")).key, "picsellia:p/e")
    }

    /// A store pull is keyed by the version pulled (content-addressed) and the store holding it.
    func testStorePullsAreKeyedByVersionAndStore() {
        let latest = JournalIdentity.of(.target("store:baseline"), storePath: "/w/a.sqlite", workingDirectory: "/") { name in
            name == "baseline" ? 3 : nil
        }
        XCTAssertEqual(latest.key, "store:baseline@3 in /w/a.sqlite")
        XCTAssertEqual(latest, identity(.target("store:baseline@3"), storePath: "/w/a.sqlite"))
        XCTAssertNotEqual(latest, identity(.target("store:baseline@2"), storePath: "/w/a.sqlite"))
        XCTAssertNotEqual(latest, identity(.target("store:baseline@3"), storePath: "/w/b.sqlite"))
    }

    /// A file rewritten with the same size but other bytes is a change; the same bytes
    /// written again (a copy, a checkout) are not.
    func testAFileRewrittenWithTheSameSizeIsSeenAsChanged() throws {
        let file = directory.appendingPathComponent("dt.json")
        try Data(#"[{"score": 0.91}]"#.utf8).write(to: file)
        let before = identity(.files([file.path]))
        try Data(#"[{"score": 0.91}]"#.utf8).write(to: file)
        XCTAssertEqual(identity(.files([file.path])).changedFiles(since: before.sources), [])
        try Data(#"[{"score": 0.19}]"#.utf8).write(to: file)
        let after = identity(.files([file.path]))
        XCTAssertEqual(after.sources[0].size, before.sources[0].size)
        XCTAssertEqual(after.changedFiles(since: before.sources), [file.resolvingSymlinksInPath().path])
        try FileManager.default.removeItem(at: file)
        XCTAssertEqual(identity(.files([file.path])).changedFiles(since: before.sources).count, 1, "a removed file changed")
    }

    /// The key that finds a journal reads no file; the digests are read when asked for, and
    /// equal those read at once (a script that makes no edit hashes nothing).
    func testTheKeyNeedsNoDigestAndTheDigestsComeWhenAsked() throws {
        let file = directory.appendingPathComponent("gt.json")
        try Data(#"{"images": []}"#.utf8).write(to: file)
        let keyOnly = JournalIdentity.of(.files([file.path]), storePath: nil, workingDirectory: "/", fingerprints: false)
        let full = identity(.files([file.path]))
        XCTAssertEqual(keyOnly.key, full.key)
        XCTAssertEqual(keyOnly.sources.map(\.digest), [""])
        XCTAssertNotEqual(full.sources[0].digest, "")
        XCTAssertEqual(keyOnly.fingerprinted, full)
    }

    /// Above 8 MiB the fingerprint samples the file: a byte changed in its first MiB, in its
    /// last, or in a sampled block of the middle changes it.
    func testALargeFileIsFingerprintedOnItsSamples() throws {
        let file = directory.appendingPathComponent("big.json")
        let size = 9 << 20
        var bytes = Data(repeating: UInt8(ascii: " "), count: size)
        try bytes.write(to: file)
        let original = JournalIdentity.fingerprint(file.path, size: Int64(size))
        XCTAssertTrue(original.hasPrefix("sampled:"), original)
        // Block 32 of 64 starts at 1 MiB + (9 MiB - 2 MiB) * 32 / 64.
        for offset in [10, size - 10, (1 << 20) + (7 << 20) / 2 + 100] {
            bytes[offset] = UInt8(ascii: "x")
            try bytes.write(to: file)
            XCTAssertNotEqual(JournalIdentity.fingerprint(file.path, size: Int64(size)), original, "byte \(offset)")
            bytes[offset] = UInt8(ascii: " ")
        }
        try bytes.write(to: file)
        XCTAssertEqual(JournalIdentity.fingerprint(file.path, size: Int64(size)), original)
    }

    /// A journal of the older format (keyed by source and evaluation name, statements only) is
    /// found by the source whatever the name, rewritten in the new format and its file removed.
    func testAnOlderJournalIsTakenOverBySource() throws {
        let journal = EditJournal(directory: directory.path)
        let origin = EvaluationOrigin.payloadFile("/data/evaluation.json")
        let old = directory.appendingPathComponent("\(EditJournal.hash("/data/evaluation.json\nv2")).json")
        let text = #"{"evaluation": "v2", "origin": "/data/evaluation.json", "statements": ["rename car auto"], "earlier": 0, "updated": "2025-01-02T03:04:05Z"}"#
        try Data(text.utf8).write(to: old)

        let source = identity(origin)
        let lookup = journal.lookup(source, origin: origin)
        let entry = try XCTUnwrap(lookup.entry)
        XCTAssertEqual(lookup.notices, [])
        XCTAssertEqual(entry.statements, ["rename car auto"])
        XCTAssertEqual(entry.evaluation, "v2")
        XCTAssertEqual(entry.updated, ISO8601DateFormatter().date(from: "2025-01-02T03:04:05Z"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: old.path))
        XCTAssertEqual(journal.lookup(source).entry?.statements, ["rename car auto"], "found again without the origin")

        // A temporary of a shell killed while writing goes on the next scan; one of a live shell stays.
        let live = directory.appendingPathComponent("ab.json.tmp-\(getpid())").path
        let gone = directory.appendingPathComponent("cd.json.tmp-2147483646").path
        for file in [live, gone] { FileManager.default.createFile(atPath: file, contents: Data("{".utf8)) }
        _ = journal.lookup(identity(.files(["/elsewhere/gt.json", "/elsewhere/dt.json"])), origin: .files(["/elsewhere/gt.json", "/elsewhere/dt.json"]))
        XCTAssertTrue(FileManager.default.fileExists(atPath: live))
        XCTAssertFalse(FileManager.default.fileExists(atPath: gone))
    }

    /// A journal that cannot be read is set aside as `.corrupt` with a message naming it and,
    /// for a bad value, its JSON path; nothing is offered, nothing is deleted.
    func testACorruptJournalIsSetAsideAndNamed() throws {
        let journal = EditJournal(directory: directory.path)
        let source = identity(.files(["/data/gt.json", "/data/dt.json"]))
        let file = journal.path(for: source)
        let cases: [(text: String, says: String)] = [
            (#"{"format": 2, "origin": "files /data/gt.json + /data/dt.js"#, "is not valid JSON"),
            (
                #"{"format": 2, "origin": "x", "sources": [], "evaluation": "dt", "edits": [{"statement": 3, "effect": "", "made": "2025-01-02T03:04:05Z"}], "earlier": 0, "updated": "2025-01-02T03:04:05Z"}"#,
                "holds a bad value at $.edits[0].statement"
            ),
            (#"{"format": 2, "origin": "x"}"#, "lacks $.sources"),
            (#"{"format": 9}"#, "is of an unknown format (9)"),
        ]
        for (n, (text, says)) in cases.enumerated() {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            let lookup = journal.lookup(source)
            XCTAssertNil(lookup.entry, text)
            let aside = file + (n == 0 ? ".corrupt" : ".corrupt-\(n + 1)")
            XCTAssertEqual(lookup.notices.count, 1)
            let notice = lookup.notices.first ?? ""
            XCTAssertTrue(notice.hasPrefix("the edit journal \(file) \(says)"), notice)
            XCTAssertTrue(notice.hasSuffix("; set aside as \(aside)"), notice)
            XCTAssertFalse(FileManager.default.fileExists(atPath: file))
            XCTAssertEqual(try String(contentsOfFile: aside, encoding: .utf8), text, "kept as it was")
        }
    }
}
