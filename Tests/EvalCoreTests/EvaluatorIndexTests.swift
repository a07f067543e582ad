import Dispatch
import EvalCore
import Foundation
import XCTest

/// An evaluator builds each index when a number of its family is first asked for, once, even
/// when several threads ask at the same time; the numbers are those of the references.
final class EvaluatorIndexTests: XCTestCase {
    func testCreatingAnEvaluatorBuildsNoIndexAndEachFamilyBuildsOnlyItsOwn() throws {
        let scene = SceneBuilder.semanticsScene()
        let evaluator = Evaluator(groundTruth: scene.groundTruth, detections: scene.detections)
        XCTAssertFalse(evaluator.builtIndexes.coco)
        XCTAssertFalse(evaluator.builtIndexes.point)
        // The hand-worked matrix of semantics.md §2 (the same as OperatingPointTests).
        XCTAssertEqual(evaluator.operatingPoint(.seedDefault).confusion, [[1, 0, 1], [1, 0, 0], [0, 1, 0]])
        XCTAssertTrue(evaluator.builtIndexes.point)
        XCTAssertFalse(evaluator.builtIndexes.coco)
        _ = try evaluator.cocoMetrics()
        XCTAssertTrue(evaluator.builtIndexes.coco)
    }

    /// Eight threads ask for the COCO metrics and the operating point of a fresh evaluator at
    /// once: every one gets pycocotools' statistics (peers' expected.json) and the same counts.
    func testConcurrentFirstUsesAgreeWithPycocotools() throws {
        let folder = try SharedData.folder("peers/coco-val2014-100")
        let gt = try COCOJSON.groundTruth(COCOJSON.object(at: folder.appendingPathComponent("instances_val2014_100.json")))
        let dt = try COCOJSON.detections(
            COCOJSON.object(at: folder.appendingPathComponent("instances_val2014_fakebbox100_results.json")), for: gt)
        let expectedJSON = try COCOJSON.object(at: folder.appendingPathComponent("expected.json")) as? [String: Any]
        let named = try XCTUnwrap(expectedJSON?["stats"] as? [String: Any])
        let expected = try COCOMetrics.statNames.map { try XCTUnwrap(COCOJSON.number(named[$0])) }

        let evaluator = Evaluator(groundTruth: gt, detections: dt)
        let results = Results(count: 8)
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            if i.isMultiple(of: 2) {
                results.set(i, stats: try? evaluator.cocoMetrics().stats)
            } else {
                results.set(i, tp: evaluator.operatingPoint(.seedDefault).counts.tp)
            }
        }
        XCTAssertTrue(evaluator.builtIndexes.coco && evaluator.builtIndexes.point)
        for i in stride(from: 0, to: 8, by: 2) {
            let stats = try XCTUnwrap(results.stats[i])
            for (a, e) in zip(stats, expected) { XCTAssertEqual(a, e, accuracy: 1e-12) }
        }
        let tp = try XCTUnwrap(results.tp[1])
        XCTAssertGreaterThan(tp.reduce(0, +), 0)
        for i in stride(from: 3, to: 8, by: 2) { XCTAssertEqual(results.tp[i], tp) }
    }
}

/// What each thread of the concurrent test found.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var stats: [[Double]?]
    private(set) var tp: [[Int32]?]

    init(count: Int) {
        stats = .init(repeating: nil, count: count)
        tp = .init(repeating: nil, count: count)
    }

    func set(_ i: Int, stats value: [Double]?) {
        lock.withLock { stats[i] = value }
    }

    func set(_ i: Int, tp value: [Int32]) {
        lock.withLock { tp[i] = value }
    }
}
