import Foundation
import XCTest

/// `push PATH.json` through the real `evalsh`: the pair of files it writes is exactly what the
/// `payload` and `payload heatmap` statements print, and a loaded payload goes back to its own file.
final class FileTargetEndToEndTests: XCTestCase {
    private var sandbox: EvalshSandbox!

    override func setUpWithError() throws {
        sandbox = try EvalshSandbox(for: self)
    }

    private func file(_ path: String) -> URL { sandbox.root.appendingPathComponent(path) }

    func testPushToAFileWritesWhatThePayloadStatementPrints() throws {
        try FileManager.default.createDirectory(at: file("out"), withIntermediateDirectories: true)
        let script = """
            metric iou=0.6
            rename car automobile
            exclude 000000248164.jpg
            output printed.json
            payload
            output printed-heatmap.json
            payload heatmap
            output
            push out/eval.json
            """
        let run = try sandbox.run(try EvalshSandbox.cocoExample() + ["-c", script])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(
            run.stdout.contains("pushed predictions to \(file("out/eval.json").path) and \(file("out/eval.confusion-matrix.json").path) with 3 edit(s)"),
            run.stdout)
        XCTAssertFalse(run.stderr.contains("unpushed"), run.stderr)

        // The statement prints the document and a line break; the file holds the document.
        let written = try Data(contentsOf: file("out/eval.json"))
        XCTAssertEqual(written + Data("\n".utf8), try Data(contentsOf: file("printed.json")))
        let heatmap = try Data(contentsOf: file("out/eval.confusion-matrix.json"))
        XCTAssertEqual(heatmap + Data("\n".utf8), try Data(contentsOf: file("printed-heatmap.json")))

        // The edits are in what was written: 120 images less the excluded one, the new label.
        let evaluation = try jsonObject(written)
        let images = try XCTUnwrap(evaluation["per_image_eval"] as? [[String: Any]])
        XCTAssertEqual(images.count, 119)
        XCTAssertFalse(images.contains { $0["filename"] as? String == "000000248164.jpg" })
        XCTAssertEqual((evaluation["labels"] as? [String])?[1], "automobile")
        XCTAssertEqual((try jsonObject(heatmap)["categories"] as? [String])?[1], "automobile")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: file("out").path).sorted()
        XCTAssertEqual(leftovers, ["eval.confusion-matrix.json", "eval.json"], "no temporary file is left behind")
    }

    func testAPushedFilePairLoadsBackAsTheSameEvaluation() throws {
        let coco = try EvalshSandbox.cocoExample()
        XCTAssertEqual(try sandbox.run(coco + ["-c", "rename car automobile; push eval.json"]).status, 0)
        let reload = try sandbox.run(["eval.json", "-c", "output again.json; payload; output again-heatmap.json; payload heatmap"])
        XCTAssertEqual(reload.status, 0, reload.stderr)
        XCTAssertEqual(try Data(contentsOf: file("again.json")), try Data(contentsOf: file("eval.json")) + Data("\n".utf8))
        XCTAssertEqual(
            try Data(contentsOf: file("again-heatmap.json")),
            try Data(contentsOf: file("eval.confusion-matrix.json")) + Data("\n".utf8))
    }

    /// `push` with no target after loading a payload writes both logs back where they came from:
    /// the evaluation to its file, the confusion matrix to the `confusion-matrix.json` it was read
    /// from (not a new file beside the evaluation, which would leave that one stale).
    func testALoadedPayloadIsPushedBackToItsOwnFilesByDefault() throws {
        let evaluation = try sandbox.copyPayloadExample()
        let folder = evaluation.deletingLastPathComponent()
        let matrixFile = folder.appendingPathComponent("confusion-matrix.json")

        let push = try sandbox.run(["-c", #"load payload/evaluation.json; rename car vehicle; metric note="reviewed"; push; pending"#])
        XCTAssertEqual(push.status, 0, push.stderr)
        XCTAssertTrue(
            push.stdout.contains("pushed evaluation to \(evaluation.path) and \(matrixFile.path) with 2 edit(s)"), push.stdout)
        XCTAssertTrue(push.stdout.hasSuffix("no pending edits\n"), push.stdout)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("evaluation.confusion-matrix.json").path))

        let written = try jsonObject(try Data(contentsOf: evaluation))
        // The example's labels are car and pedestrian, its metrics iou 0.5 and confidence 0.5.
        XCTAssertEqual(written["labels"] as? [String], ["vehicle", "pedestrian"])
        let metrics = try XCTUnwrap(written["metrics"] as? [String: Any])
        XCTAssertEqual(metrics["note"] as? String, "reviewed")
        XCTAssertEqual(metrics["iou"] as? Double, 0.5)
        XCTAssertEqual(try jsonObject(try Data(contentsOf: matrixFile))["categories"] as? [String], ["vehicle", "pedestrian"])

        // Named explicitly, the matrix file is pushed back to as well.
        let explicit = try sandbox.run(["payload/evaluation.json", "payload/confusion-matrix.json", "-c", "rename vehicle car; push"])
        XCTAssertEqual(explicit.status, 0, explicit.stderr)
        XCTAssertEqual(try jsonObject(try Data(contentsOf: matrixFile))["categories"] as? [String], ["car", "pedestrian"])
        XCTAssertEqual(try jsonObject(try Data(contentsOf: evaluation))["labels"] as? [String], ["car", "pedestrian"])
        _ = try sandbox.run(["-c", "load payload/evaluation.json; rename car vehicle; push"])

        let reload = try sandbox.run(["payload/evaluation.json", "--format", "json", "-c", "payload heatmap"])
        XCTAssertEqual(reload.status, 0, reload.stderr)
        XCTAssertEqual(try jsonObject(Data(reload.stdout.utf8))["categories"] as? [String], ["vehicle", "pedestrian"])
    }

    /// Every push of a session writes the current names into both files, not only the first
    /// (the matrix's names follow the payload's from the load on, across pushes).
    func testSeveralPushesInOneSessionKeepBothFilesInAgreement() throws {
        let evaluation = try sandbox.copyPayloadExample()
        let matrixFile = evaluation.deletingLastPathComponent().appendingPathComponent("confusion-matrix.json")
        let run = try sandbox.run(["-c", "load payload/evaluation.json; rename car auto; push; rename pedestrian person; push; check"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("the payload satisfies every consistency rule"), run.stdout)
        XCTAssertEqual(try jsonObject(try Data(contentsOf: evaluation))["labels"] as? [String], ["auto", "person"])
        XCTAssertEqual(try jsonObject(try Data(contentsOf: matrixFile))["categories"] as? [String], ["auto", "person"])
    }
}
