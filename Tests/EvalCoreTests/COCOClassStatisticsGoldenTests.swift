import EvalCore
import Foundation
import XCTest

/// `COCOMetrics.perClass` against pycocotools' per-class slices (`Fixtures/class_statistics.json`,
/// written by `Fixtures/make_class_statistics.py`): every value bit for bit, and nil exactly where
/// pycocotools' slice has no entry > −1.
final class COCOClassStatisticsGoldenTests: XCTestCase {
    private static var keys: [(String, KeyPath<COCOClassStatistics, Double?>)] {
        [
        ("ap", \.ap), ("ap50", \.ap50), ("ap75", \.ap75), ("apSmall", \.apSmall), ("apMedium", \.apMedium),
        ("apLarge", \.apLarge), ("ar100", \.ar100),
        ]
    }

    func testPeersAndExamples() throws {
        var checked = 0
        for set in try goldenSets() where set["fixture"] == nil {
            let name = try XCTUnwrap(set["name"] as? String)
            guard let gtURL = try url(set["gt"]), let dtURL = try url(set["dt"]) else { continue }
            let gt = try COCOJSON.groundTruth(COCOJSON.object(at: gtURL))
            let dt = try COCOJSON.detections(COCOJSON.object(at: dtURL), for: gt)
            try check(Evaluator(groundTruth: gt, detections: dt).cocoMetrics(), set, name)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 2, "Examples/coco-small sets missing from the golden file")
    }

    func testHandBuiltCases() throws {
        var checked = 0
        for set in try goldenSets() {
            guard let fixture = set["fixture"] as? String else { continue }
            let json = try XCTUnwrap(COCOJSON.object(at: SharedData.fixture(fixture)) as? [String: Any])
            let gt = try COCOJSON.groundTruth(json["gt"] as Any)
            let dt = try COCOJSON.detections(json["dt"] as Any, for: gt)
            try check(Evaluator(groundTruth: gt, detections: dt).cocoMetrics(), set, fixture)
            checked += 1
        }
        XCTAssertGreaterThanOrEqual(checked, 10)
    }

    /// A class without ground truth has no statistic at all, and one without small objects no APs.
    func testAbsentIsNilNotZero() throws {
        let json = try XCTUnwrap(
            COCOJSON.object(at: SharedData.fixture("coco_class_without_gt.json")) as? [String: Any])
        let gt = try COCOJSON.groundTruth(json["gt"] as Any)
        let dt = try COCOJSON.detections(json["dt"] as Any, for: gt)
        let metrics = try Evaluator(groundTruth: gt, detections: dt).cocoMetrics()
        let empty = try XCTUnwrap((0..<gt.categories.count).first { c in
            !gt.annotations.category.contains(Int32(c))
        })
        XCTAssertEqual(
            metrics.perClass(empty),
            COCOClassStatistics(ap: nil, ap50: nil, ap75: nil, apSmall: nil, apMedium: nil, apLarge: nil, ar100: nil))
    }

    private func check(_ metrics: COCOMetrics, _ set: [String: Any], _ name: String) throws {
        let classes = try XCTUnwrap(set["classes"] as? [[String: Any]])
        XCTAssertEqual(classes.count, metrics.shape.k, name)
        for (c, expected) in classes.enumerated() {
            let actual = metrics.perClass(c)
            for (key, path) in Self.keys {
                let want: Double? = try (expected[key] as? String).map { try XCTUnwrap(Double($0), "\(name) \(key)") }
                XCTAssertEqual(actual[keyPath: path], want, "\(name) class \(expected["id"] ?? c) \(key)")
            }
        }
    }

    private func goldenSets() throws -> [[String: Any]] {
        let json = try XCTUnwrap(
            COCOJSON.object(at: SharedData.fixture("class_statistics.json")) as? [String: Any])
        return try XCTUnwrap(json["sets"] as? [[String: Any]])
    }

    /// `shared:` paths are in the peers' folder (skipped when absent), the others in the package.
    private func url(_ value: Any?) throws -> URL? {
        let path = try XCTUnwrap(value as? String)
        if path.hasPrefix("shared:") {
            let relative = String(path.dropFirst("shared:".count))
            guard let peers = try? SharedData.folder("peers") else { return nil }
            return peers.appendingPathComponent(relative)
        }
        return SharedData.packageRoot.appendingPathComponent(path)
    }
}
