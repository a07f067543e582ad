import EvalCore
import XCTest

/// The passes of semantics.md §2, each on a scene worked out by hand. Classes: 0 car, 1 pedestrian;
/// matrices are rows ground truth (car, pedestrian, none), columns predictions (car, pedestrian, none).
final class OperatingPointTests: XCTestCase {
    /// gt0 car [0,0,100,100], gt1 pedestrian [200,0,50,100], gt2 car [400,400,50,50].
    /// d0 car = gt0's box, 0.9: class-aware match with gt0 (IoU 1) → [car][car].
    /// d1 car = gt1's box, 0.8: no free car with IoU ≥ 0.5; confusion pass takes gt1 → [pedestrian][car].
    /// d2 pedestrian [500,0,20,20], 0.7: overlaps nothing → [none][pedestrian].
    /// d3 car = gt0's box, 0.3: below confidence 0.5, not counted. gt2: missed → [car][none].
    /// car: 2 objects, 2 predictions (d0, d1), TP 1, FP 1, FN 1; pedestrian: 1, 1, TP 0, FP 1, FN 1.
    func testClassAwareThenConfusionPass() {
        let scene = SceneBuilder.semanticsScene()
        let result = scene.evaluator.operatingPoint(.seedDefault)
        XCTAssertEqual(result.confusion, [[1, 0, 1], [1, 0, 0], [0, 1, 0]])
        XCTAssertEqual(result.counts.nbObjects, [2, 1])
        XCTAssertEqual(result.counts.nbPreds, [2, 1])
        XCTAssertEqual(result.counts.tp, [1, 0])
        XCTAssertEqual(result.counts.fp, [1, 1])
        XCTAssertEqual(result.counts.fn, [1, 1])
        XCTAssertEqual(
            result.detectionFates,
            [.truePositive(groundTruth: 0, iou: 1), .confused(groundTruth: 1, iou: 1), .falsePositive, .belowConfidence])
        XCTAssertEqual(result.groundTruthFates, [.found(detection: 0, iou: 1), .confusedAs(detection: 1, iou: 1), .missed])
        XCTAssertEqual(result.images(inCell: 1, 0).map(\.image), [0])
        XCTAssertEqual(result.images(inCell: 2, 1).map(\.count), [1])
    }

    /// Crowd car [0,0,200,200], car gt1 [300,300,50,50].
    /// a car [10,10,50,50], 0.9: no regular car to match; crowd IoU 2500/2500 = 1 ≥ 0.5 → set aside.
    /// b pedestrian [20,20,50,50], 0.8: the crowd box is a car, and crowd takes no part in the
    /// confusion pass → [none][pedestrian]. c car = gt1's box, 0.7: [car][car].
    /// car: 1 object (the crowd is not one), 1 prediction (a is not counted), TP 1; pedestrian: FP 1.
    func testCrowdSetAside() {
        var scene = SceneBuilder(images: 1)
        scene.object(image: 0, 0, [0, 0, 200, 200], crowd: true)
        scene.object(image: 0, 0, [300, 300, 50, 50])
        scene.prediction(image: 0, 0, [10, 10, 50, 50], score: 0.9)
        scene.prediction(image: 0, 1, [20, 20, 50, 50], score: 0.8)
        scene.prediction(image: 0, 0, [300, 300, 50, 50], score: 0.7)
        let result = scene.evaluator.operatingPoint(.seedDefault)
        XCTAssertEqual(result.confusion, [[1, 0, 0], [0, 0, 0], [0, 1, 0]])
        XCTAssertEqual(result.counts.nbObjects, [1, 0])
        XCTAssertEqual(result.counts.nbPreds, [1, 1])
        XCTAssertEqual(result.counts.fn, [0, 0])
        XCTAssertEqual(
            result.detectionFates,
            [.setAside(crowd: 0, iou: 1), .falsePositive, .truePositive(groundTruth: 1, iou: 1)])
        XCTAssertEqual(result.groundTruthFates, [.crowd, .found(detection: 2, iou: 1)])
    }

    /// Image 0, equal scores: car gt [0,0,100,100]; d0 [0,0,100,50] (IoU 0.5) and d1 = the gt's box
    /// (IoU 1), both 0.6, d0 first in the file: the stable sort lets d0 match first, d1 is a
    /// false positive. Image 1, equal IoU: car gts gA [20,0,100,100] then gB [0,0,100,100]; the car
    /// [10,0,100,100] overlaps each by 9000/11000; the earlier gA wins, gB is missed.
    func testTiesOnScoreAndOnIoU() {
        var scene = SceneBuilder(images: 2)
        scene.object(image: 0, 0, [0, 0, 100, 100])
        scene.prediction(image: 0, 0, [0, 0, 100, 50], score: 0.6)
        scene.prediction(image: 0, 0, [0, 0, 100, 100], score: 0.6)
        scene.object(image: 1, 0, [20, 0, 100, 100])
        scene.object(image: 1, 0, [0, 0, 100, 100])
        scene.prediction(image: 1, 0, [10, 0, 100, 100], score: 0.9)
        let result = scene.evaluator.operatingPoint(.seedDefault)
        XCTAssertEqual(
            result.detectionFates,
            [.truePositive(groundTruth: 0, iou: 0.5), .falsePositive, .truePositive(groundTruth: 1, iou: 9000.0 / 11000)])
        XCTAssertEqual(result.groundTruthFates[2], .missed)
        XCTAssertEqual(result.confusion, [[2, 0, 1], [0, 0, 0], [1, 0, 0]])
        XCTAssertEqual(result.images(inCell: 0, 0).map { [$0.image, $0.count] }, [[0, 1], [1, 1]])
    }

    /// Car gt [0,0,100,100]. In file order: n (no score) = the gt's box, k (0.5) = the gt's box,
    /// b (0.49) = the gt's box. b is below 0.5; k (score ≥ 0.5 kept) ranks before n (no score: kept,
    /// ranked last) and takes the gt; n is a false positive. At iou 0.8, a car [0,0,100,70]
    /// (IoU 0.7) is no longer a match.
    func testConfidenceFilterMissingScoreAndIoUThreshold() {
        var scene = SceneBuilder(images: 2)
        scene.object(image: 0, 0, [0, 0, 100, 100])
        scene.prediction(image: 0, 0, [0, 0, 100, 100], score: .nan)
        scene.prediction(image: 0, 0, [0, 0, 100, 100], score: 0.5)
        scene.prediction(image: 0, 0, [0, 0, 100, 100], score: 0.49)
        scene.object(image: 1, 0, [0, 0, 100, 100])
        scene.prediction(image: 1, 0, [0, 0, 100, 70], score: 0.9)
        let evaluator = scene.evaluator
        let result = evaluator.operatingPoint(.seedDefault)
        XCTAssertEqual(
            result.detectionFates,
            [.falsePositive, .truePositive(groundTruth: 0, iou: 1), .belowConfidence, .truePositive(groundTruth: 1, iou: 0.7)])
        XCTAssertEqual(result.counts.nbPreds, [2, 0, 1, 0])
        let strict = evaluator.operatingPoint(OperatingPoint(iou: 0.8, confidence: 0.5))
        XCTAssertEqual(strict.detectionFates[3], .falsePositive)
        XCTAssertEqual(strict.groundTruthFates[1], .missed)
        XCTAssertEqual(strict.confusion, [[1, 0, 1], [0, 0, 0], [2, 0, 0]])
    }

    /// Two identical images, each a car found and a pedestrian prediction on nothing; excluding
    /// image 0 halves every count and leaves its fates `.excluded`.
    func testExcludedImageContributesNothing() {
        var scene = SceneBuilder(images: 2)
        for image in 0..<2 {
            scene.object(image: image, 0, [0, 0, 100, 100])
            scene.prediction(image: image, 0, [0, 0, 100, 100], score: 0.9)
            scene.prediction(image: image, 1, [300, 300, 10, 10], score: 0.9)
        }
        let result = scene.evaluator.operatingPoint(.seedDefault, imageMask: [false, true])
        XCTAssertEqual(result.confusion, [[1, 0, 0], [0, 0, 0], [0, 1, 0]])
        XCTAssertEqual(result.counts.nbObjects, [0, 0, 1, 0])
        XCTAssertEqual(result.counts.nbPreds, [0, 0, 1, 1])
        XCTAssertEqual(Array(result.detectionFates[0..<2]), [.excluded, .excluded])
        XCTAssertEqual(result.groundTruthFates, [.excluded, .found(detection: 2, iou: 1)])
        XCTAssertEqual(result.images(inCell: 2, 1).map(\.image), [1])
    }
}
