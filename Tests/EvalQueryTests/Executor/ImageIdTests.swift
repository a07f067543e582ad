import EvalCore
import XCTest

@testable import EvalQuery

/// `show 167379` (issue 12 item 9): a whole number names an image by its ground-truth id when
/// no filename is that number. Expected pairs read from Examples/coco-small/gt.json
/// (`images[0]`: id 167379, file 000000167379.jpg).
final class ImageIdTests: XCTestCase {
    private static let example = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/coco-small").path

    private func cocoSmall() throws -> Executor {
        let (data, origin, _, _) = try Executor.read(["\(Self.example)/gt.json", "\(Self.example)/predictions.json"])
        let executor = Executor()
        executor.workspace.add(EvaluationSession(name: "predictions", origin: origin, data: data))
        return executor
    }

    func testACOCOImageIdShowsThatImage() throws {
        let executor = try cocoSmall()
        guard case .imageView(let view)? = try executor.run("show 167379").first else { return XCTFail() }
        XCTAssertEqual(view.filename, "000000167379.jpg")
        guard case .imageView(let byName)? = try executor.run("show 000000167379.jpg").first else { return XCTFail() }
        XCTAssertEqual(view, byName)
    }

    func testAnUnknownIdSaysSoWithTheClosestImageAndId() throws {
        let executor = try cocoSmall()
        XCTAssertThrowsError(try executor.run("show 167397")) { error in
            guard case ExecutionError.unknownImageId(167397, let suggestion, let range) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(suggestion, "\"000000167379.jpg\" (id 167379)")
            XCTAssertEqual(range?.start.column, 6)
            let message = (error as! ExecutionError).message
            XCTAssertEqual(message, "no image named \"167397\" or with id 167397; did you mean \"000000167379.jpg\" (id 167379)?")
        }
    }

    /// A filename made of digits wins over an id; the id still reaches its image.
    func testADigitFilenameWinsOverAnId() throws {
        var gt = ExecutorFixture.groundTruth()
        gt.images[0] = ImageInfo(id: 42, fileName: "one.jpg", width: 100, height: 100)
        gt.images[1] = ImageInfo(id: 7, fileName: "42", width: 100, height: 100)
        let executor = Executor()
        executor.workspace.add(EvaluationSession(
            name: "pets", origin: .files(["gt.json", "dt.json"]),
            data: .boxes(Evaluator(groundTruth: gt, detections: ExecutorFixture.detections()))))
        guard case .imageView(let named)? = try executor.run("show 42").first else { return XCTFail() }
        XCTAssertEqual(named.filename, "42")
        guard case .imageView(let byId)? = try executor.run("show 7").first else { return XCTFail() }
        XCTAssertEqual(byId.filename, "42")
        guard case .imageView(let other)? = try executor.run("show 3").first else { return XCTFail() }
        XCTAssertEqual(other.filename, "three.jpg")
    }
}
