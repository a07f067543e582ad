import EvalCore
import Foundation
import XCTest

/// The confidence sweep against the operating point computed at each threshold.
final class ConfidenceSweepTests: XCTestCase {
    /// gt car A [0,0,100,100] and B [300,0,100,100]; car predictions A 0.9 (TP), [600,0,10,10] 0.8
    /// (FP), B 0.7 (TP), and two at 0.4 overlapping nothing (FP, one point); a car prediction on a
    /// car crowd region, 0.6, is set aside (no point of its own). F1 = 2TP/(2TP+FP+FN):
    /// 0.9: 2/3; 0.8: 2/4; 0.7: 4/5 (best); 0.4: 4/7.
    func testHandWorkedCurve() throws {
        var scene = SceneBuilder(images: 1)
        scene.object(image: 0, 0, [0, 0, 100, 100])
        scene.object(image: 0, 0, [300, 0, 100, 100])
        scene.object(image: 0, 0, [0, 300, 100, 100], crowd: true)
        scene.prediction(image: 0, 0, [0, 0, 100, 100], score: 0.9)
        scene.prediction(image: 0, 0, [600, 0, 10, 10], score: 0.8)
        scene.prediction(image: 0, 0, [300, 0, 100, 100], score: 0.7)
        scene.prediction(image: 0, 0, [10, 310, 50, 50], score: 0.6)
        scene.prediction(image: 0, 0, [600, 100, 10, 10], score: 0.4)
        scene.prediction(image: 0, 0, [600, 200, 10, 10], score: 0.4)
        let sweep = try scene.evaluator.confidenceSweep(iou: 0.5)
        let car = sweep.perClass[0]
        XCTAssertEqual(car.confidence, [0.9, 0.8, 0.7, 0.4])
        XCTAssertEqual((0..<car.count).map { car.point($0).f1 }, [2.0 / 3, 2.0 / 4, 4.0 / 5, 4.0 / 7])
        XCTAssertEqual(car.best, ConfidenceSweep.Point(confidence: 0.7, truePositives: 2, falsePositives: 1, falseNegatives: 0))
        XCTAssertEqual(sweep.overall.best?.confidence, 0.7)
        XCTAssertEqual(sweep.perClass[1].count, 0)
        XCTAssertNil(sweep.perClass[1].best)
    }

    func testAgreesWithOperatingPointOnExample() throws {
        let folder = SharedData.packageRoot.appendingPathComponent("Examples/coco-small")
        try check(gt: folder.appendingPathComponent("gt.json"), dt: folder.appendingPathComponent("predictions.json"))
    }

    func testAgreesWithOperatingPointOnPeers() throws {
        let a = try SharedData.folder("peers/coco-val2014-100")
        try check(
            gt: a.appendingPathComponent("instances_val2014_100.json"),
            dt: a.appendingPathComponent("instances_val2014_fakebbox100_results.json"))
    }

    /// At IoU 0.5 and 0.75, the whole set and under a mask: the best F1 is at least the F1 of every
    /// point, and equals the operating point's at its confidence; every point sampled (about 20 per
    /// run, the best included) has the operating point's TP/FP/FN, overall and per class.
    private func check(gt gtURL: URL, dt dtURL: URL) throws {
        let gt = try COCOJSON.groundTruth(COCOJSON.object(at: gtURL))
        let dt = try COCOJSON.detections(COCOJSON.object(at: dtURL), for: gt)
        let evaluator = Evaluator(groundTruth: gt, detections: dt)
        let k = gt.categories.count
        let mask = gt.images.indices.map { $0 % 4 != 2 }
        for (iou, imageMask) in [(0.5, nil), (0.75, nil), (0.5, mask)] as [(Double, [Bool]?)] {
            let sweep = try evaluator.confidenceSweep(iou: iou, imageMask: imageMask)
            let curves = [sweep.overall] + sweep.perClass
            for curve in curves where curve.count > 0 {
                let best = try XCTUnwrap(curve.best)
                for i in 0..<curve.count { XCTAssertGreaterThanOrEqual(best.f1, curve.point(i).f1) }
            }
            let best = try XCTUnwrap(sweep.overall.best)
            let step = Swift.max(1, sweep.overall.count / 20)
            var indices = Array(stride(from: 0, to: sweep.overall.count, by: step))
            indices.append(try XCTUnwrap(sweep.overall.confidence.firstIndex(of: best.confidence)))
            for i in indices {
                let expected = sweep.overall.point(i)
                let result = evaluator.operatingPoint(
                    OperatingPoint(iou: iou, confidence: expected.confidence), imageMask: imageMask)
                func totals(_ perImage: [Int32]) -> [Int] {
                    (0..<k).map { c in stride(from: c, to: perImage.count, by: k).reduce(0) { $0 + Int(perImage[$1]) } }
                }
                let tp = totals(result.counts.tp), fp = totals(result.counts.fp), fn = totals(result.counts.fn)
                let totalTP: Int = tp.reduce(0, +), totalFP: Int = fp.reduce(0, +), totalFN: Int = fn.reduce(0, +)
                let what = "\(gtURL.lastPathComponent) iou \(iou) confidence \(expected.confidence)"
                XCTAssertEqual(
                    expected,
                    ConfidenceSweep.Point(
                        confidence: expected.confidence, truePositives: totalTP, falsePositives: totalFP,
                        falseNegatives: totalFN), what)
                let f1: Double = Double(2 * totalTP) / Double(2 * totalTP + totalFP + totalFN)
                XCTAssertLessThanOrEqual(f1, best.f1, what)
                for c in 0..<k {
                    // The class's point at this threshold: its last point at a score ≥ the threshold.
                    let curve = sweep.perClass[c]
                    guard let j = curve.confidence.lastIndex(where: { $0 >= expected.confidence }) else {
                        XCTAssertEqual(tp[c] + fp[c], 0, "\(what) class \(c) has predictions")
                        XCTAssertEqual(fn[c], curve.objects, "\(what) class \(c)")
                        continue
                    }
                    let point = curve.point(j)
                    XCTAssertEqual(
                        [point.truePositives, point.falsePositives, point.falseNegatives], [tp[c], fp[c], fn[c]],
                        "\(what) class \(c)")
                }
            }
        }
    }

    func testMissingScoreIsRefused() {
        var scene = SceneBuilder(images: 1)
        scene.prediction(image: 0, 0, [0, 0, 10, 10], score: .nan)
        XCTAssertThrowsError(try scene.evaluator.confidenceSweep(iou: 0.5)) { error in
            XCTAssertEqual(error as? EvalCoreError, .missingScore(index: 0))
        }
    }
}
