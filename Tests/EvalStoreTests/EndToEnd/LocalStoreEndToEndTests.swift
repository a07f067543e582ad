import Foundation
import GRDB
import XCTest

/// `push`, `pull`, `log` and `experiments` against the local store, through the real `evalsh`.
///
/// Expected contents come from the example's files (read with Python's json module: 120 images;
/// labels person, car, bottle, cup, bowl, chair, dining table, book) and from the statements
/// themselves (the edits name the values they set).
final class LocalStoreEndToEndTests: XCTestCase {
    private var sandbox: EvalshSandbox!
    private var coco: [String] = []

    override func setUpWithError() throws {
        sandbox = try EvalshSandbox(for: self)
        coco = try EvalshSandbox.cocoExample()
    }

    private func read(_ name: String) throws -> Data {
        try Data(contentsOf: sandbox.root.appendingPathComponent(name))
    }

    /// A store's `log NAME` as rows (`--format json`).
    private func log(_ name: String, store: [String] = []) throws -> [[String: Any]] {
        let run = try sandbox.run(store + ["--format", "json", "-c", "log \(name)"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
    }

    func testPushWithoutTargetStoresUnderTheFolderAndStemAndClearsThePendingEdits() throws {
        let push = try sandbox.run(
            coco + ["-c", "metric iou=0.6; rename car automobile; output pushed.json; payload; output; push; pending"])
        XCTAssertEqual(push.status, 0, push.stderr)
        // The evaluation is named after its predictions file; its experiment after that file's
        // folder and stem, so that two runs' predictions.json do not share one.
        XCTAssertTrue(push.stdout.contains("pushed predictions to store:coco-small/predictions (version 1) with 2 edit(s)"), push.stdout)
        XCTAssertTrue(push.stdout.hasSuffix("no pending edits\n"), push.stdout)
        XCTAssertFalse(push.stderr.contains("unpushed"), "no edits are left after the push: \(push.stderr)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: sandbox.defaultStore.path))

        let pull = try sandbox.run(["-c", "pull store:coco-small/predictions; output pulled.json; payload"])
        XCTAssertEqual(pull.status, 0, pull.stderr)
        XCTAssertTrue(pull.stdout.contains("pulled store:coco-small/predictions as predictions: 120 images, 8 classes"), pull.stdout)
        try assertSameJSON(try read("pulled.json"), try read("pushed.json"), "the pulled evaluation is the pushed one")
        let pulled = try jsonObject(try read("pulled.json"))
        XCTAssertEqual(
            pulled["labels"] as? [String], ["person", "automobile", "bottle", "cup", "bowl", "chair", "dining table", "book"])
        XCTAssertEqual((pulled["metrics"] as? [String: Any])?["iou"] as? Double, 0.6)
    }

    func testVersionsMessagesLogExperimentsAndPullingAnOldVersion() throws {
        let first = try sandbox.run(coco + ["-c", #"metric confidence=0.3; push store:x message "first""#])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stdout.contains("pushed predictions to store:x (version 1) with 1 edit(s)"), first.stdout)
        let second = try sandbox.run(coco + ["-c", #"rename car automobile; push store:x message "second""#])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stdout.contains("store:x (version 2)"), second.stdout)

        let versions = try log("x")
        XCTAssertEqual(versions.map { $0["version"] as? Int }, [1, 2])
        XCTAssertEqual(versions.map { $0["message"] as? String }, ["first", "second"])
        let edits = versions.map { $0["edits"] as? String ?? "" }
        XCTAssertTrue(edits[0].hasPrefix("metric confidence=0.3: "), edits[0])
        XCTAssertTrue(edits[1].hasPrefix("rename car automobile: "), edits[1])

        let experiments = try sandbox.run(["--format", "json", "-c", "experiments"])
        XCTAssertEqual(experiments.status, 0, experiments.stderr)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(experiments.stdout.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["name"] as? String }, ["x"])
        XCTAssertEqual(rows.map { $0["versions"] as? Int }, [2])

        let pull = try sandbox.run([
            "-c", "pull store:x; pull store:x@1 as old; use x; output latest.json; payload; use old; output old.json; payload",
        ])
        XCTAssertEqual(pull.status, 0, pull.stderr)
        let latest = try jsonObject(try read("latest.json"))
        let old = try jsonObject(try read("old.json"))
        XCTAssertEqual((latest["labels"] as? [String])?[1], "automobile")
        XCTAssertEqual((latest["metrics"] as? [String: Any])?["confidence"] as? Double, 0.5)
        XCTAssertEqual((old["labels"] as? [String])?[1], "car")
        XCTAssertEqual((old["metrics"] as? [String: Any])?["confidence"] as? Double, 0.3)
    }

    func testAPulledVersionIsPushedByDefaultAsTheExperimentsNextVersion() throws {
        XCTAssertEqual(try sandbox.run(coco + ["-c", "push store:x"]).status, 0)
        let again = try sandbox.run(["-c", #"pull store:x@1 as old; metric reviewer="ann"; push; pending"#])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("pushed old to store:x (version 2) with 1 edit(s)"), again.stdout)
        XCTAssertTrue(again.stdout.hasSuffix("no pending edits\n"), again.stdout)
        XCTAssertEqual(try log("x").map { $0["version"] as? Int }, [1, 2])
    }

    /// A baseline pushed once gates later candidates without its boxes: its version carries the
    /// COCO statistics in its metrics. The change is pycocotools' (Examples/coco-small/make_candidate.py):
    /// AP50 falls by 0.020216436677072958.
    func testAStoredBaselineGatesACandidateOnCOCOStatistics() throws {
        let push = try sandbox.run(coco + ["-c", "push store:baseline"])
        XCTAssertEqual(push.status, 0, push.stderr)
        let candidate = coco[0] + "," + (try EvalshSandbox.example("coco-small/candidate.json"))
        let gate = try sandbox.run([
            "compare", "store:baseline", candidate, "-c",
            "assert delta.AP50 > -0.0202164366771 and delta.AP50 < -0.0202164366770; assert delta.AP50 >= -0.01",
        ])
        XCTAssertEqual(gate.status, 1, "the second gate fails: \(gate.everything)")
        XCTAssertTrue(gate.stdout.contains("ok: delta.AP50 > -0.0202164366771"), gate.everything)
        XCTAssertTrue(gate.stderr.contains("assertion failed: delta.AP50 >= -0.01"), gate.stderr)
    }

    func testTwoProcessesPushingAtOnceBothSucceedAsTwoVersions() throws {
        let runs = try ["A", "B"].map { tag in
            try sandbox.process(coco + ["-c", #"metric iou=0.6; push store:shared message "\#(tag)""#], tag: tag)
        }
        for run in runs { try run.process.run() }
        for run in runs {
            run.process.waitUntilExit()
            let result = try EvalshSandbox.collect(run.process, stdout: run.stdout, stderr: run.stderr)
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        let versions = try log("shared")
        XCTAssertEqual(versions.map { $0["version"] as? Int }, [1, 2])
        XCTAssertEqual(Set(versions.compactMap { $0["message"] as? String }), ["A", "B"])
    }

    /// `--store` naming a file that is not an evalsh store: the push fails with exit status 69
    /// (EX_UNAVAILABLE), the message names the file, the file is byte for byte unchanged and
    /// the edits are still pending when the script ends.
    func testAStoreFileThatIsNotOursIsRefusedAndLeftUntouched() throws {
        let notes = sandbox.root.appendingPathComponent("notes.txt")
        try Data("my notes, not a database\n".utf8).write(to: notes)
        let foreign = sandbox.root.appendingPathComponent("app.sqlite")
        let queue = try DatabaseQueue(path: foreign.path)
        try queue.write { try $0.execute(sql: "PRAGMA application_id = 42; CREATE TABLE t (x); INSERT INTO t VALUES (1)") }
        try queue.close()

        for (file, complaint) in [(notes, "is not a SQLite database"), (foreign, "does not belong to evalsh")] {
            let before = try Data(contentsOf: file)
            let run = try sandbox.run(["--store", file.path] + coco + ["-c", "metric iou=0.6; rename car auto; push; pending"])
            XCTAssertEqual(run.status, 69, run.stderr)
            XCTAssertTrue(run.stderr.contains("error: \(file.path) "), run.stderr)
            XCTAssertTrue(run.stderr.contains(complaint), run.stderr)
            XCTAssertTrue(run.stderr.contains("left untouched"), run.stderr)
            XCTAssertTrue(run.stderr.contains("predictions has 2 unpushed edit(s)"), run.stderr)
            XCTAssertFalse(run.stdout.contains("pushed"), run.stdout)
            XCTAssertEqual(try Data(contentsOf: file), before, "\(file.path) was modified")
            for suffix in ["-wal", "-shm", "-journal"] {
                XCTAssertFalse(FileManager.default.fileExists(atPath: file.path + suffix), "\(file.path)\(suffix) appeared")
            }
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.defaultStore.path), "the default store was used instead")
    }
}
