import EvalCore
import XCTest

@testable import EvalFormats

final class FileKindTests: XCTestCase {
    private func kind(_ text: String) throws -> FileKind {
        try FileKindDetector.detect(SourceBytes(string: text, name: "k.json"))
    }

    func testKindsAreToldFromContent() throws {
        XCTAssertEqual(try kind(smallGroundTruthJSON), .cocoGroundTruth)
        XCTAssertEqual(try kind(#"[{"image_id": 1, "category_id": 1, "bbox": [0, 0, 1, 1], "score": 0.5}]"#), .cocoResults)
        XCTAssertEqual(try kind("[]"), .cocoResults)
        XCTAssertEqual(try kind(#"{"images": [], "annotations": [{"id": 1, "score": 0.3}], "categories": []}"#), .cocoDatasetWithScores)
        XCTAssertEqual(try kind(#"{"labels": [], "per_image_eval": []}"#), .picselliaEvaluation)
        XCTAssertEqual(try kind(#"{"categories": ["a"], "values": [[0, 1], [1, 0]]}"#), .picselliaConfusionMatrix)
        XCTAssertThrowsError(try kind(#"{"name": "x"}"#)) {
            XCTAssertEqual(
                ($0 as? FormatError)?.description,
                "k.json: a JSON object that is neither COCO (images, categories, annotations) nor a Picsellia "
                    + "evaluation (per_image_eval) or confusion matrix (categories, values)")
        }
        XCTAssertThrowsError(try kind("42")) {
            XCTAssertEqual(($0 as? FormatError)?.description, "k.json: expected a JSON object or array, found a number")
        }
    }

    func testSeedAndPeersFilesAreDetected() throws {
        let files: [(String, FileKind)] = [
            ("data/picsellia/evaluation.json", .picselliaEvaluation),
            ("data/picsellia/confusion-matrix.json", .picselliaConfusionMatrix),
            ("data/peers/coco-val2014-100/instances_val2014_100.json", .cocoGroundTruth),
            ("data/peers/coco-val2014-100/instances_val2014_fakebbox100_results.json", .cocoResults),
            ("data/peers/coco-val2014-100-bbox-area/sampled_bbox_results.json", .cocoDatasetWithScores),
        ]
        for (file, expected) in files {
            // Outside the assertion, so that a missing ../shared skips the test instead of failing it.
            let path = try sharedData(file)
            XCTAssertEqual(try FileKindDetector.detect(path: path), expected, file)
        }
    }

    func testWrongKindAndMissingFileAreRefused() throws {
        let payload = try sharedData("data/picsellia/evaluation.json")
        XCTAssertThrowsError(try EvalFileReader.readGroundTruth(path: payload)) {
            XCTAssertEqual($0 as? FormatError, .wrongKind(file: payload, expected: .cocoGroundTruth, found: .picselliaEvaluation))
        }
        XCTAssertThrowsError(try EvalFileReader.readGroundTruth(path: "/nonexistent/gt.json")) {
            XCTAssertEqual(($0 as? FormatError)?.description, "/nonexistent/gt.json: cannot read: No such file or directory")
        }
    }
}
