import EvalCore
import XCTest

/// The Picsellia payload built from the peers' data satisfies every consistency rule of
/// picsellia-evaluation.md, and the confusion-matrix log agrees with it.
final class PayloadTests: XCTestCase {
    func testPayloadOfPeerDataIsConsistent() throws {
        let folder = try SharedData.folder("peers/coco-val2014-100")
        let gt = try COCOJSON.groundTruth(COCOJSON.object(at: folder.appendingPathComponent("instances_val2014_100.json")))
        let dt = try COCOJSON.detections(
            COCOJSON.object(at: folder.appendingPathComponent("instances_val2014_fakebbox100_results.json")), for: gt)
        let evaluator = Evaluator(groundTruth: gt, detections: dt)
        var mask = [Bool](repeating: true, count: gt.images.count)
        mask[3] = false
        let result = evaluator.operatingPoint(.seedDefault, imageMask: mask)
        let payload = evaluator.payload(result, metrics: [("iou", .number(0.5))], imageMask: mask)
        let n = gt.categories.count

        XCTAssertEqual(payload.categories, gt.categories.map { String($0.id) })
        XCTAssertEqual(payload.labels, gt.categories.map(\.name))
        XCTAssertEqual(payload.perImage.count, gt.images.count - 1)
        XCTAssertFalse(payload.perImage.contains { $0.filename == gt.images[3].fileName })
        XCTAssertEqual(Set(payload.perImage.map(\.filename)).count, payload.perImage.count, "filenames unique")
        let ids = Set(payload.categories.compactMap(Int.init))
        var totals = [Double](repeating: 0, count: n)
        for entry in payload.perImage {
            for c in 0..<n {
                XCTAssertEqual(entry.tp[c] + entry.fp[c], entry.nbPreds[c], entry.filename)
                XCTAssertEqual(entry.tp[c] + entry.fn[c], entry.nbObjects[c], entry.filename)
                totals[c] += entry.nbPreds[c]
            }
            XCTAssertEqual(Double(entry.bbox.count), entry.nbPreds.reduce(0, +), entry.filename)
            XCTAssertEqual(entry.classes.count, entry.bbox.count, entry.filename)
            XCTAssertTrue(entry.classes.allSatisfy(ids.contains), entry.filename)
            for box in entry.bbox {
                XCTAssertTrue(0 <= box[0] && box[0] <= box[2] && box[2] <= 1, "\(entry.filename) \(box)")
                XCTAssertTrue(0 <= box[1] && box[1] <= box[3] && box[3] <= 1, "\(entry.filename) \(box)")
            }
        }
        XCTAssertEqual(payload.totalObjects, totals)
        XCTAssertGreaterThan(totals.reduce(0, +), 100, "the peers' predictions reach the operating point")
        let names = Set(payload.perImage.map(\.filename))
        XCTAssertEqual(payload.filenameMatrix.count, n + 1)
        for row in payload.filenameMatrix {
            XCTAssertEqual(row.count, n + 1)
            for cell in row { XCTAssertTrue(cell.allSatisfy(names.contains)) }
        }

        // The matrix's rows and columns add up to the payload's totals: TP + confusions + missed
        // = objects per class (rows), TP + confusions + false = predictions per class (columns).
        let log = ConfusionMatrixLog(result, labels: payload.labels)
        XCTAssertEqual(log.categories, payload.labels)
        for c in 0..<n {
            let objects = payload.perImage.reduce(0) { $0 + $1.nbObjects[c] }
            XCTAssertEqual(log.values[c].reduce(0, +), objects)
            XCTAssertEqual(log.values.reduce(0) { $0 + $1[c] }, totals[c])
            XCTAssertEqual(log.values[c][c], payload.perImage.reduce(0) { $0 + $1.tp[c] })
        }
    }

    /// A box past the image's border is clamped: 640×480 image, box x −10…650, y 470…490.
    func testBoxIsNormalizedAndClamped() {
        var scene = SceneBuilder(images: 1)
        scene.prediction(image: 0, 0, [-10, 470, 660, 20], score: 0.9)
        scene.prediction(image: 0, 1, [64, 48, 64, 96], score: 0.9)
        let evaluator = scene.evaluator
        let payload = evaluator.payload(evaluator.operatingPoint(.seedDefault), metrics: [])
        XCTAssertEqual(payload.perImage[0].bbox, [[470.0 / 480, 0, 1, 1], [0.1, 0.1, 0.3, 0.2]])
        XCTAssertEqual(payload.perImage[0].classes, [1, 2])
    }
}
