import Foundation
import XCTest

/// `push picsellia:…` and `pull picsellia:…` through the real `evalsh`, against the in-memory
/// Picsellia of `FakePicsellia` on 127.0.0.1 (`PICSELLIA_HOST`), which checks the Bearer token.
final class PicselliaEndToEndTests: XCTestCase {
    private let token = "tok-E2E-SECRET-fedcba9876543210"
    private var fake: FakePicsellia!
    private var sandbox: EvalshSandbox!
    private var experimentID: String!
    private var coco: [String] = []
    /// Every run of the test, to check none of them shows the token.
    private var runs: [EvalshSandbox.Run] = []

    override func setUpWithError() throws {
        sandbox = try EvalshSandbox(for: self)
        coco = try EvalshSandbox.cocoExample()
        fake = try FakePicsellia(token: token)
        experimentID = fake.addExperiment(project: "kitchen", experiment: "yolo v8")
        sandbox.environment = ["PICSELLIA_HOST": fake.baseURL.absoluteString, "PICSELLIA_TOKEN": token]
    }

    override func tearDownWithError() throws {
        fake?.stop()
        for run in runs {
            XCTAssertFalse(run.everything.contains(token), "the token was shown:\n\(run.everything)")
        }
        if let sandbox {
            XCTAssertEqual(sandbox.filesContaining(token), [], "files holding the token")
        }
    }

    private func run(_ arguments: [String]) throws -> EvalshSandbox.Run {
        let result = try sandbox.run(arguments)
        runs.append(result)
        return result
    }

    private func printed(_ name: String) throws -> Data {
        try Data(contentsOf: sandbox.root.appendingPathComponent(name))
    }

    /// Pushes the COCO example with two edits to `target`, keeping what `payload` printed.
    private func pushEdited(to target: String) throws -> EvalshSandbox.Run {
        try run(coco + [
            "-c",
            "metric iou=0.6; rename car automobile; output pushed.json; payload; output pushed-heatmap.json; payload heatmap; output; push \(target); pending",
        ])
    }

    func testPushByExperimentIDThenPullGivesTheSameEvaluation() throws {
        let push = try pushEdited(to: "picsellia:\(experimentID!)")
        XCTAssertEqual(push.status, 0, push.stderr)
        XCTAssertTrue(push.stdout.contains("pushed predictions to Picsellia experiment \(experimentID!) with 2 edit(s)"), push.stdout)
        XCTAssertTrue(push.stdout.hasSuffix("no pending edits\n"), push.stdout)

        let evaluation = try XCTUnwrap(fake.log(experimentID: experimentID, name: "evaluation"))
        let matrix = try XCTUnwrap(fake.log(experimentID: experimentID, name: "confusion-matrix"))
        XCTAssertEqual(evaluation.type, "EVALUATION")
        XCTAssertEqual(matrix.type, "HEATMAP")
        try assertSameJSON(evaluation.data, try printed("pushed.json"), "the evaluation log is the payload")
        try assertSameJSON(matrix.data, try printed("pushed-heatmap.json"), "the heatmap log is the payload's matrix")

        let pull = try run([
            "-c", "pull picsellia:\(experimentID!) as back; output pulled.json; payload; output pulled-heatmap.json; payload heatmap",
        ])
        XCTAssertEqual(pull.status, 0, pull.stderr)
        XCTAssertTrue(pull.stdout.contains("as back: 120 images, 8 classes"), pull.stdout)
        try assertSameJSON(try printed("pulled.json"), try printed("pushed.json"))
        try assertSameJSON(try printed("pulled-heatmap.json"), try printed("pushed-heatmap.json"))
    }

    /// Issue 12 item 5: metrics of any name and kind reach Picsellia's evaluation log as typed
    /// (a quoted name, an Ultralytics key, text, a boolean, `1.0` with its fraction) and come back
    /// on pull.
    func testAnyMetricNameAndValueReachesPicselliaAndComesBack() throws {
        let push = try run(coco + [
            "-c", #"metric "run id"='abc' metrics/mAP50-95(B)=0.52 note="trained on v2" lr=1.0 epochs=3 tuned=true; push picsellia:"#
                + experimentID,
        ])
        XCTAssertEqual(push.status, 0, push.stderr)
        let evaluation = try XCTUnwrap(fake.log(experimentID: experimentID, name: "evaluation"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: evaluation.data) as? [String: Any])
        let metrics = try XCTUnwrap(object["metrics"] as? [String: Any])
        XCTAssertEqual(metrics["run id"] as? String, "abc")
        XCTAssertEqual(metrics["metrics/mAP50-95(B)"] as? Double, 0.52)
        XCTAssertEqual(metrics["note"] as? String, "trained on v2")
        XCTAssertEqual(metrics["epochs"] as? Int, 3)
        // The request as sent (the fake stores what Foundation re-encodes, which drops `.0`).
        let sent = fake.requests.filter { $0.method == "POST" && $0.path.hasSuffix("/logs") }
            .map { String(decoding: $0.body, as: UTF8.self) }.first { $0.contains(#""EVALUATION""#) }
        let text = try XCTUnwrap(sent, "no evaluation log was posted")
        XCTAssertNotNil(text.range(of: #""tuned":\s*true[,}\s]"#, options: .regularExpression), "tuned not sent as a boolean")
        XCTAssertNotNil(text.range(of: #""lr":\s*1\.0[,}\s]"#, options: .regularExpression), "lr sent without its fraction")

        let pull = try run(["-c", "pull picsellia:\(experimentID!) as back; metrics"])
        XCTAssertEqual(pull.status, 0, pull.stderr)
        for row in ["│ run id              │ abc", "│ metrics/mAP50-95(B) │ 0.52", "│ note                │ trained on v2",
                    "│ epochs              │ 3 ", "│ tuned               │ true"] {
            XCTAssertTrue(pull.stdout.contains(row), "\(row) missing:\n\(pull.stdout)")
        }
    }

    func testPushByProjectAndExperimentNames() throws {
        let push = try pushEdited(to: #""picsellia:kitchen/yolo v8""#)
        XCTAssertEqual(push.status, 0, push.stderr)
        XCTAssertTrue(push.stdout.contains("Picsellia experiment \(experimentID!)"), push.stdout)
        let paths = fake.requests.map { "\($0.method) \($0.path)" }
        XCTAssertEqual(paths.first, "GET /api/home/ping")
        XCTAssertEqual(paths.filter { $0 == "POST /api/experiment/\(experimentID!)/logs" }.count, 2)
        let evaluation = try XCTUnwrap(fake.log(experimentID: experimentID, name: "evaluation"))
        try assertSameJSON(evaluation.data, try printed("pushed.json"))

        let pull = try run(["--format", "json", "-c", #"pull "picsellia:kitchen/yolo v8"; payload"#])
        XCTAssertEqual(pull.status, 0, pull.stderr)
        try assertSameJSON(Data(pull.stdout.utf8), try printed("pushed.json"))
    }

    /// A wrong token: exit status 69, the edits still pending at the end of the script, nothing
    /// stored, and neither token (ours nor the one the server echoes) shown.
    func testUnauthorizedPushFailsAndKeepsTheEdits() throws {
        sandbox.environment["PICSELLIA_TOKEN"] = "tok-WRONG-0000"
        let push = try pushEdited(to: "picsellia:\(experimentID!)")
        XCTAssertEqual(push.status, 69, push.stderr)
        XCTAssertTrue(push.stderr.contains("refused the API token (401): check PICSELLIA_TOKEN"), push.stderr)
        XCTAssertTrue(push.stderr.contains("predictions has 2 unpushed edit(s)"), push.stderr)
        XCTAssertFalse(push.stdout.contains("pushed"), push.stdout)
        XCTAssertFalse(push.everything.contains("tok-WRONG-0000"), push.everything)
        XCTAssertNil(fake.log(experimentID: experimentID, name: "evaluation"))
        XCTAssertNil(fake.log(experimentID: experimentID, name: "confusion-matrix"))
    }

    /// A 500 on the first upload is retried (after the default one-second backoff) and the push succeeds.
    func testAServerErrorIsRetriedAndThePushSucceeds() throws {
        let logs = "/api/experiment/\(experimentID!)/logs"
        fake.script("POST \(logs)", statuses: [500])
        let push = try pushEdited(to: "picsellia:\(experimentID!)")
        XCTAssertEqual(push.status, 0, push.stderr)
        XCTAssertTrue(push.stdout.hasSuffix("no pending edits\n"), push.stdout)
        let posts = fake.requests.filter { $0.method == "POST" && $0.path == logs }
        XCTAssertEqual(posts.count, 3, "the failed upload, its retry, the matrix")
        try assertSameJSON(try XCTUnwrap(fake.log(experimentID: experimentID, name: "evaluation")).data, try printed("pushed.json"))
    }
}
