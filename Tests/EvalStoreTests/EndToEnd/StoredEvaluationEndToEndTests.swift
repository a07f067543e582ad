import Foundation
import XCTest

/// A pulled version is the evaluation that was pushed: through the real `evalsh`, every view of
/// the original (after its push) and of the pulled one is the same text, at the pushed operating
/// point and at others; `forget` asks for `force` in a script.
final class StoredEvaluationEndToEndTests: XCTestCase {
    private var sandbox: EvalshSandbox!
    private var coco: [String] = []

    override func setUpWithError() throws {
        sandbox = try EvalshSandbox(for: self)
        coco = try EvalshSandbox.cocoExample()
    }

    /// The views compared, at the current state and then at other operating points. JSON keeps
    /// every double's shortest round-trip form, so equal text means bit-identical statistics.
    private static let views = """
        set format json
        summary
        classes
        matrix
        images
        show 000000167379.jpg
        show 000000356552.jpg
        metric iou=0.3 confidence=0.1
        summary
        matrix
        images
        metric iou=0.75 confidence=0.6
        summary
        matrix
        where fp > 0
        show 000000421001.jpg
        """

    func testAPulledVersionShowsExactlyWhatTheOriginalShows() throws {
        let edits = "metric iou=0.6 confidence=0.4; rename car automobile; exclude 000000421001.jpg; metric reviewer=\"ann\""
        let original = try sandbox.run(coco + ["-c", "\(edits); push store:run; output original.txt\n\(Self.views)"])
        XCTAssertEqual(original.status, 0, original.stderr)
        let pulled = try sandbox.run(["-c", "pull store:run as predictions; output pulled.txt\n\(Self.views)"])
        XCTAssertEqual(pulled.status, 0, pulled.stderr)
        XCTAssertTrue(pulled.stdout.contains("pulled store:run as predictions: 120 images, 8 classes"), pulled.stdout)
        let a = try String(contentsOf: sandbox.root.appendingPathComponent("original.txt"), encoding: .utf8)
        let b = try String(contentsOf: sandbox.root.appendingPathComponent("pulled.txt"), encoding: .utf8)
        XCTAssertGreaterThan(a.count, 10_000)
        XCTAssertTrue(a.contains("automobile"), "the rename is part of the views")
        XCTAssertEqual(a, b)
    }

    func testComparingAPulledVersionWithItsOriginalFindsNoDifference() throws {
        XCTAssertEqual(try sandbox.run(coco + ["-c", "push store:base"]).status, 0)
        let compare = try sandbox.run([
            "compare", "store:base", coco.joined(separator: ","), "-c",
            "assert delta.AP == 0 and delta.AP50 == 0 and delta.precision == 0 and delta.tp == 0; compare A B where tp > 0",
        ])
        XCTAssertEqual(compare.status, 0, compare.everything)
    }

    func testForgetInAScriptNeedsForceAndThenRemovesTheVersion() throws {
        for message in ["one", "two"] {
            XCTAssertEqual(try sandbox.run(coco + ["-c", "push store:f message \"\(message)\""]).status, 0)
        }
        let refused = try sandbox.run(["-c", "forget store:f@1"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("forget store:f@1 force"), refused.stderr)
        let forgot = try sandbox.run(["--format", "json", "-c", "forget store:f@1 force; log f"])
        XCTAssertEqual(forgot.status, 0, forgot.stderr)
        XCTAssertTrue(forgot.everything.contains("forgot store:f@1 (1 version(s))"), forgot.everything)
        XCTAssertTrue(forgot.stdout.contains(#""message":"two""#) || forgot.stdout.contains(#""message": "two""#), forgot.stdout)
        XCTAssertFalse(forgot.stdout.contains(#""one""#), forgot.stdout)
    }

    func testAPayloadStaysAPayloadAndSaysSo() throws {
        let payload = try sandbox.copyPayloadExample()
        let push = try sandbox.run([payload.path, "-c", "push store:p"])
        XCTAssertEqual(push.status, 0, push.stderr)
        let pull = try sandbox.run(["--format", "csv", "-c", "pull store:p; log p"])
        XCTAssertEqual(pull.status, 0, pull.stderr)
        XCTAssertTrue(pull.everything.contains("a Picsellia payload without boxes"), pull.everything)
        XCTAssertTrue(pull.stdout.contains(",payload only,"), pull.stdout)
        let show = try sandbox.run(["-c", "pull store:p; summary"])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.contains("COCO metrics: not available"), show.stdout)
    }
}
