import EvalCore
import XCTest

/// `ImageClassCounts` on hand-worked numbers, and its conversion to and from a payload's floats.
final class ImageClassCountsTests: XCTestCase {
    /// Three images, two classes (car, pedestrian):
    /// image 0: car 2 objects 3 predictions 2 TP; pedestrian 1 object, 0 predictions.
    /// image 1: car 0 objects 1 prediction; pedestrian 4 objects 4 predictions 3 TP.
    /// image 2: car 5 objects 5 predictions 5 TP; pedestrian nothing.
    private let counts = ImageClassCounts(
        classCount: 2, imageCount: 3, nbObjects: [2, 1, 0, 4, 5, 0], nbPreds: [3, 0, 1, 4, 5, 0], tp: [2, 0, 0, 3, 5, 0])

    func testFalsePositivesAndNegativesFollowFromTheThreeCounted() {
        XCTAssertEqual(counts.fp, [1, 0, 1, 1, 0, 0])
        XCTAssertEqual(counts.fn, [0, 1, 0, 1, 0, 0])
    }

    func testTotalsOverSomeImagesForOneClassOrAll() {
        // Images 0 and 1, all classes: objects 2+1+0+4, predictions 3+0+1+4, TP 2+0+0+3, FP 1+0+1+1, FN 0+1+0+1.
        XCTAssertEqual(counts.totals(images: [0, 1]), Totals(objects: 7, predictions: 8, tp: 5, fp: 3, fn: 2))
        // Pedestrian over every image: 1+4+0 objects, 0+4+0 predictions, 3 TP, 1 FP, 2 FN.
        XCTAssertEqual(counts.totals(classIndex: 1), Totals(objects: 5, predictions: 4, tp: 3, fp: 1, fn: 2))
        XCTAssertEqual(counts.totals(images: []), Totals(objects: 0, predictions: 0, tp: 0, fp: 0, fn: 0))
    }

    func testPerClassTotalsInOnePass() {
        // Images 1 and 2: car 0+5 objects, 1+5 predictions, 0+5 TP, 1+0 FP, 0 FN; pedestrian 4+0
        // objects, 4+0 predictions, 3 TP, 1 FP, 1 FN.
        XCTAssertEqual(
            counts.perClassTotals(images: [1, 2]),
            [Totals(objects: 5, predictions: 6, tp: 5, fp: 1, fn: 0), Totals(objects: 4, predictions: 4, tp: 3, fp: 1, fn: 1)])
        let none = Totals(objects: 0, predictions: 0, tp: 0, fp: 0, fn: 0)
        XCTAssertEqual(counts.perClassTotals(images: []), [none, none])
    }

    func testOneImage() {
        let image = counts.image(1)
        XCTAssertEqual(image.imageCount, 1)
        XCTAssertEqual(image.classCount, 2)
        XCTAssertEqual(image.nbObjects, [0, 4])
        XCTAssertEqual(image.nbPreds, [1, 4])
        XCTAssertEqual(image.tp, [0, 3])
        XCTAssertEqual(image.fp, [1, 1])
        XCTAssertEqual(image.fn, [0, 1])
    }

    /// A payload entry written from counts carries them as floats, and reads back the same.
    func testPayloadEntriesRoundTrip() {
        let entries = (0..<3).map {
            PicselliaImageEval(filename: "\($0).jpg", image: $0, of: counts, bbox: [], classes: [])
        }
        XCTAssertEqual(entries[1].nbObjects, [0.0, 4.0])
        XCTAssertEqual(entries[1].fp, [1.0, 1.0])
        let payload = PicselliaEvaluation(
            categories: ["1", "2"], labels: ["car", "pedestrian"], totalObjects: [9, 4], perImage: entries,
            filenameMatrix: [], metrics: nil)
        XCTAssertEqual(payload.counts, counts)
    }

    /// What the platform may write: `9.0`, a float off a whole number, NaN, a value past `Int32`,
    /// and a list shorter than the classes.
    func testPayloadFloatsAreRoundedClampedAndPadded() {
        let entry = PicselliaImageEval(
            filename: "a.jpg", nbObjects: [9.0, 2.6], nbPreds: [.nan, 1e12], tp: [-1e12, 1], fp: [3], fn: [],
            bbox: [], classes: [])
        let payload = PicselliaEvaluation(
            categories: ["1", "2"], labels: ["car", "pedestrian"], totalObjects: [0, 0], perImage: [entry],
            filenameMatrix: [], metrics: nil)
        let counts = payload.counts
        XCTAssertEqual(counts.nbObjects, [9, 3])
        XCTAssertEqual(counts.nbPreds, [0, Int32.max])
        XCTAssertEqual(counts.tp, [Int32.min, 1])
        XCTAssertEqual(counts.fp, [3, 0])
        XCTAssertEqual(counts.fn, [0, 0])
    }
}
