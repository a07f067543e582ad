import EvalCore
import Foundation
import XCTest

/// COCO metrics against pycocotools' values: the peers' data (expected.json) and the hand-built
/// cases of `Fixtures/make_cases.py`, to 1e-12.
final class COCOMetricsGoldenTests: XCTestCase {
    private let tolerance = 1e-12

    func testPeerCocoVal2014() throws {
        let folder = try SharedData.folder("peers/coco-val2014-100")
        try checkPeer(
            folder, gt: "instances_val2014_100.json", dt: "instances_val2014_fakebbox100_results.json")
    }

    func testPeerCocoVal2014BoxArea() throws {
        let folder = try SharedData.folder("peers/coco-val2014-100-bbox-area")
        try checkPeer(folder, gt: "sampled_gts_bbox_area.json", dt: "sampled_bbox_results.json")
    }

    func testHandBuiltCases() throws {
        let names = try SharedData.fixtureNames(prefix: "coco_")
        XCTAssertGreaterThanOrEqual(names.count, 10, "fixtures missing from the bundle")
        for name in names {
            let json = try XCTUnwrap(COCOJSON.object(at: SharedData.fixture(name)) as? [String: Any])
            let gt = try COCOJSON.groundTruth(json["gt"] as Any)
            let dt = try COCOJSON.detections(json["dt"] as Any, for: gt)
            let expected = try XCTUnwrap(json["expected"] as? [String: Any])
            let metrics = try Evaluator(groundTruth: gt, detections: dt).cocoMetrics()
            assertClose(metrics.stats, try COCOJSON.numbers(expected["stats"]), "\(name) stats")
            assertClose(metrics.perClassAP, try COCOJSON.numbers(expected["perClassAP"]), "\(name) perClassAP")
            assertClose(metrics.perClassAP50, try COCOJSON.numbers(expected["perClassAP50"]), "\(name) AP50")
        }
    }

    /// Leaving images out through the mask equals evaluating a ground truth without them
    /// (pycocotools' `params.imgIds`): the random case without its images 7 and 100.
    func testImageMaskEqualsRemovingImages() throws {
        let json = try XCTUnwrap(COCOJSON.object(at: SharedData.fixture("coco_random.json")) as? [String: Any])
        let gt = try COCOJSON.groundTruth(json["gt"] as Any)
        let dt = try COCOJSON.detections(json["dt"] as Any, for: gt)
        let mask = gt.images.map { ![7, 100].contains($0.id) }
        let masked = try Evaluator(groundTruth: gt, detections: dt).cocoMetrics(imageMask: mask)

        var reduced = try XCTUnwrap(json["gt"] as? [String: Any])
        reduced["images"] = (reduced["images"] as? [[String: Any]])?.filter { ![7, 100].contains($0["id"] as? Int) }
        reduced["annotations"] = (reduced["annotations"] as? [[String: Any]])?
            .filter { ![7, 100].contains($0["image_id"] as? Int) }
        let reducedGT = try COCOJSON.groundTruth(reduced)
        let reducedDT = try COCOJSON.detections(
            (json["dt"] as? [[String: Any]])?.filter { ![7, 100].contains($0["image_id"] as? Int) } as Any,
            for: reducedGT)
        let expected = try Evaluator(groundTruth: reducedGT, detections: reducedDT).cocoMetrics()
        XCTAssertEqual(masked.stats, expected.stats)
        XCTAssertNotEqual(masked.stats, try Evaluator(groundTruth: gt, detections: dt).cocoMetrics().stats)
    }

    func testMissingScoreIsRefused() throws {
        var dt = Detections()
        let gt = GroundTruth(
            images: [ImageInfo(id: 1, fileName: "a.jpg", width: 10, height: 10)],
            categories: [Category(id: 1, name: "car")], annotations: AnnotationColumns())
        dt.append(image: 0, category: 0, box: BoundingBox(x: 0, y: 0, width: 1, height: 1), score: 0.5)
        dt.append(image: 0, category: 0, box: BoundingBox(x: 0, y: 0, width: 1, height: 1), score: .nan)
        let evaluator = Evaluator(groundTruth: gt, detections: dt)
        XCTAssertThrowsError(try evaluator.cocoMetrics()) { error in
            XCTAssertEqual(error as? EvalCoreError, .missingScore(index: 1))
        }
        XCTAssertNoThrow(try evaluator.cocoMetrics(imageMask: [false]))
    }

    private func checkPeer(_ folder: URL, gt gtName: String, dt dtName: String) throws {
        let gt = try COCOJSON.groundTruth(COCOJSON.object(at: folder.appendingPathComponent(gtName)))
        let dt = try COCOJSON.detections(COCOJSON.object(at: folder.appendingPathComponent(dtName)), for: gt)
        let expectedJSON = try COCOJSON.object(at: folder.appendingPathComponent("expected.json")) as? [String: Any]
        let named = try XCTUnwrap(expectedJSON?["stats"] as? [String: Any])
        let expected = try COCOMetrics.statNames.map { try XCTUnwrap(COCOJSON.number(named[$0])) }
        let metrics = try Evaluator(groundTruth: gt, detections: dt).cocoMetrics()
        assertClose(metrics.stats, expected, folder.lastPathComponent)
    }


    private func assertClose(_ actual: [Double], _ expected: [Double], _ label: String, line: UInt = #line) {
        XCTAssertEqual(actual.count, expected.count, label, line: line)
        for (i, (a, e)) in zip(actual, expected).enumerated() {
            XCTAssertEqual(a, e, accuracy: tolerance, "\(label)[\(i)]", line: line)
        }
    }
}
