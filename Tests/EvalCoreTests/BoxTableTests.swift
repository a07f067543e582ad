import EvalCore
import Foundation
import XCTest

/// The box table: a hand-worked scene field by field, and its counts against the operating point's
/// per-image counts on real and example data.
final class BoxTableTests: XCTestCase {
    /// gt0 car [0,0,100,100] (area 10000: large), gt1 pedestrian [200,0,50,100] (medium),
    /// gt2 car [400,400,50,50] (medium). d0 car on gt0, 0.9: TP. d1 car on gt1's box, 0.8: confused
    /// with gt1 → FP, other-class IoU 1 → cls, pointing at gt1 (so gt1, FN, is no miss).
    /// d2 pedestrian [500,0,20,20] (small), 0.7: overlaps nothing → bkg. d3 car on gt0, 0.3: below
    /// the threshold, no row. d4 car [0,0,100,30], 0.6: car IoU 0.3 → loc. d5 car [0,0,100,90], 0.55:
    /// IoU 0.9 with the matched gt0 → dupe. gt2: nothing near it → FN, miss.
    func testHandWorkedScene() {
        var scene = SceneBuilder.semanticsScene()
        scene.prediction(image: 0, 0, [0, 0, 100, 30], score: 0.6)
        scene.prediction(image: 0, 0, [0, 0, 100, 90], score: 0.55)
        let evaluator = scene.evaluator
        let table = evaluator.boxTable(evaluator.operatingPoint(.seedDefault))

        XCTAssertEqual(table.count, 8)
        XCTAssertEqual(table.imageRowStart, [0, 8])
        XCTAssertEqual(table.kind.map(\.fieldName), ["gt", "gt", "gt", "pred", "pred", "pred", "pred", "pred"])
        XCTAssertEqual(table.source, [0, 1, 2, 0, 1, 2, 4, 5])
        XCTAssertEqual(table.category, [0, 1, 0, 0, 0, 1, 0, 0])
        XCTAssertEqual(table.fate.map(\.fieldName), ["TP", "FN", "FN", "TP", "FP", "FP", "FP", "FP"])
        XCTAssertEqual(table.error, [nil, nil, .miss, nil, .cls, .bkg, .loc, .dupe])
        XCTAssertEqual(table.match, [0, 0, -1, 0, 1, -1, -1, -1])
        XCTAssertEqual(table.iou[0], 1)
        XCTAssertEqual(table.iou[1], 1)
        XCTAssertTrue(table.iou[2].isNaN && table.iou[5].isNaN)
        XCTAssertEqual(table.range.map(\.fieldName), ["large", "medium", "medium", "large", "medium", "small", "medium", "medium"])
        XCTAssertEqual(table.area[5], 400)
        XCTAssertTrue(table.score[0].isNaN)
        XCTAssertEqual(table.score[3], 0.9)
        XCTAssertEqual(table.rows(ofImages: [0]), Array(0..<8))
    }

    /// A crowd region and the prediction set aside on it are rows with fate `ignored`; an image
    /// left out by the mask has no rows.
    func testCrowdAndMask() {
        var scene = SceneBuilder(images: 2)
        scene.object(image: 0, 0, [0, 0, 200, 200], crowd: true)
        scene.prediction(image: 0, 0, [10, 10, 50, 50], score: 0.9)
        scene.object(image: 1, 0, [0, 0, 10, 10])
        let evaluator = scene.evaluator
        let table = evaluator.boxTable(evaluator.operatingPoint(.seedDefault, imageMask: [true, false]))
        XCTAssertEqual(table.fate, [.ignored, .ignored])
        XCTAssertEqual(table.kind, [.groundTruth, .prediction])
        XCTAssertEqual(table.iou[1], 1)
        XCTAssertEqual(table.imageRowStart, [0, 2, 2])
    }

    func testCountsAgreeOnExample() throws {
        let folder = SharedData.packageRoot.appendingPathComponent("Examples/coco-small")
        try checkCounts(gt: folder.appendingPathComponent("gt.json"), dt: folder.appendingPathComponent("predictions.json"))
    }

    func testCountsAgreeOnPeers() throws {
        let a = try SharedData.folder("peers/coco-val2014-100")
        try checkCounts(
            gt: a.appendingPathComponent("instances_val2014_100.json"),
            dt: a.appendingPathComponent("instances_val2014_fakebbox100_results.json"))
        let b = try SharedData.folder("peers/coco-val2014-100-bbox-area")
        try checkCounts(
            gt: b.appendingPathComponent("sampled_gts_bbox_area.json"),
            dt: b.appendingPathComponent("sampled_bbox_results.json"))
    }

    /// Per class, the FP prediction rows, the TP rows of each kind and the FN rows add up to the
    /// operating point's per-image FP, TP and FN totals, at several operating points and under a mask.
    private func checkCounts(gt gtURL: URL, dt dtURL: URL) throws {
        let gt = try COCOJSON.groundTruth(COCOJSON.object(at: gtURL))
        let dt = try COCOJSON.detections(COCOJSON.object(at: dtURL), for: gt)
        let evaluator = Evaluator(groundTruth: gt, detections: dt)
        let k = gt.categories.count
        let mask = gt.images.indices.map { $0 % 3 != 1 }
        let points = [(0.5, 0.5), (0.5, 0.0), (0.75, 0.3), (0.3, 0.9), (0.5, 0.05)]
        for (n, (iou, confidence)) in points.enumerated() {
            let result = evaluator.operatingPoint(
                OperatingPoint(iou: iou, confidence: confidence), imageMask: n == 4 ? mask : nil)
            let table = evaluator.boxTable(result)
            var tp = [Int](repeating: 0, count: k), fp = tp, fn = tp, gtTP = tp
            for r in 0..<table.count {
                let c = Int(table.category[r])
                switch (table.kind[r], table.fate[r]) {
                case (.prediction, .truePositive): tp[c] += 1
                case (.groundTruth, .truePositive): gtTP[c] += 1
                case (.prediction, .falsePositive): fp[c] += 1
                case (.groundTruth, .falseNegative): fn[c] += 1
                case (_, .ignored): break
                default: XCTFail("row \(r): \(table.kind[r]) cannot be \(table.fate[r])")
                }
            }
            func totals(_ perImage: [Int32]) -> [Int] {
                (0..<k).map { c in stride(from: c, to: perImage.count, by: k).reduce(0) { $0 + Int(perImage[$1]) } }
            }
            let what = "\(gtURL.lastPathComponent) iou \(iou) confidence \(confidence)"
            XCTAssertEqual(tp, totals(result.counts.tp), "TP \(what)")
            XCTAssertEqual(gtTP, totals(result.counts.tp), "TP objects \(what)")
            XCTAssertEqual(fp, totals(result.counts.fp), "FP \(what)")
            XCTAssertEqual(fn, totals(result.counts.fn), "FN \(what)")
            XCTAssertGreaterThan(fp.reduce(0, +), 0, what)
        }
    }
}

final class BoxFateChangeTests: XCTestCase {
    /// gt0 car [0,0,100,100]; d0 car on it, 0.9; d1 car [0,0,100,60] (IoU 0.6), 0.8.
    /// At IoU 0.5: d0 TP, d1 FP (gt0 taken). At IoU 0.7 and confidence 0.85: d0 still TP, d1 below
    /// the threshold (no row) → d1 changes FP → none; gt0 stays TP. At IoU 0.95, confidence 0.95:
    /// d0 below, gt0 missed → gt0 TP → FN, d0 TP → none, d1 FP → none.
    func testChangesBetweenOperatingPoints() {
        var scene = SceneBuilder(images: 1)
        scene.object(image: 0, 0, [0, 0, 100, 100])
        scene.prediction(image: 0, 0, [0, 0, 100, 100], score: 0.9)
        scene.prediction(image: 0, 0, [0, 0, 100, 60], score: 0.8)
        let evaluator = scene.evaluator
        let base = evaluator.boxTable(evaluator.operatingPoint(OperatingPoint(iou: 0.5, confidence: 0.5)))
        let stricter = evaluator.boxTable(evaluator.operatingPoint(OperatingPoint(iou: 0.7, confidence: 0.85)))
        let strictest = evaluator.boxTable(evaluator.operatingPoint(OperatingPoint(iou: 0.95, confidence: 0.95)))
        XCTAssertEqual(
            BoxTable.fateChanges(from: base, to: stricter, annotationCount: 1, predictionCount: 2),
            [BoxFateChange(kind: .prediction, source: 1, rowBefore: 2, rowAfter: nil, before: .falsePositive, after: nil)])
        XCTAssertEqual(
            BoxTable.fateChanges(from: base, to: strictest, annotationCount: 1, predictionCount: nil),
            [BoxFateChange(
                kind: .groundTruth, source: 0, rowBefore: 0, rowAfter: 0, before: .truePositive, after: .falseNegative)])
        XCTAssertEqual(
            BoxTable.fateChanges(from: base, to: strictest, annotationCount: 1, predictionCount: 2).map(\.source),
            [0, 0, 1])
    }
}
