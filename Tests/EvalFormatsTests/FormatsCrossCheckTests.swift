import EvalCore
import Foundation
import XCTest

@testable import EvalFormats

/// evalsh's statistics on the YOLO, VOC and Ultralytics fixtures equal pycocotools' on the same
/// data converted to COCO by globox (`scripts/crosscheck_formats.py` wrote both).
final class FormatsCrossCheckTests: XCTestCase {
    func testEveryPairMatchesPycocotools() throws {
        let folder = formatFixtures()
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/expected.json"))
        let expected = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
        XCTAssertEqual(expected.count, 7)
        for (name, pair) in expected.sorted(by: { $0.key < $1.key }) {
            let gt = folder + "/" + (pair["ground_truth"] as! String)
            let dt = folder + "/" + (pair["predictions"] as! String)
            let stats = pair["stats"] as! [Double]
            let images = (pair["images"] as? String).map { folder + "/" + $0 }
            let loaded = try EvalFileReader.loadEvaluation(groundTruth: gt, predictions: dt, imagesDirectory: images)
            XCTAssertEqual(loaded.groundTruth.images.count, 12, name)
            let metrics = try Evaluator(groundTruth: loaded.groundTruth, detections: loaded.detections).cocoMetrics()
            XCTAssertEqual(metrics.stats.count, 12)
            for (i, (ours, theirs)) in zip(metrics.stats, stats).enumerated() {
                XCTAssertEqual(ours, theirs, accuracy: 1e-9, "\(name) stat \(i)")
            }
        }
    }

    func testRecognisedKinds() throws {
        let folder = formatFixtures()
        XCTAssertEqual(try PathKindDetector.detect(path: folder + "/yolo/data.yaml"), .yoloDataset)
        XCTAssertEqual(try PathKindDetector.detect(path: folder + "/yolo"), .yoloDataset)
        XCTAssertEqual(try PathKindDetector.detect(path: folder + "/yolo/labels/val"), .yoloLabels)
        XCTAssertEqual(try PathKindDetector.detect(path: folder + "/yolo-preds"), .yoloPredictions)
        XCTAssertEqual(try PathKindDetector.detect(path: folder + "/voc"), .vocAnnotations)
        XCTAssertEqual(try PathKindDetector.detect(path: folder + "/predictions.json"), .cocoResults)
        XCTAssertEqual(try PathKindDetector.detect(path: folder + "/cvat.xml"), .cvatImages)
        XCTAssertEqual(try PathKindDetector.detect(path: folder + "/labelme"), .labelMe)
        XCTAssertEqual(try PathKindDetector.detect(path: folder + "/openimages.csv"), .openImages)
    }

    /// One LabelMe file is read as a dataset file by `load`, as in its folder; COCO results, a
    /// JSON object of another kind and a folder keep their routes.
    func testSingleLabelMeFileIsRoutedToTheDatasetReader() throws {
        let folder = formatFixtures()
        let file = folder + "/labelme/img_000.json"
        XCTAssertTrue(EvalFileReader.needsDatasetReader(file))
        XCTAssertFalse(EvalFileReader.needsDatasetReader(folder + "/predictions.json"))
        XCTAssertFalse(EvalFileReader.needsDatasetReader(folder + "/expected.json"))
        let one = try LabelMeReader.read([file], description: "one")
        let all = try LabelMeReader.readFolder(folder + "/labelme")
        XCTAssertEqual(one.images.count, 1)
        XCTAssertEqual(one.images[0].key, all.images[0].key)
        XCTAssertEqual(one.images[0].boxes.count, all.images[0].boxes.count)
        XCTAssertFalse(one.images[0].boxes.isEmpty)
    }

    /// A labels folder takes its sizes from the images folder Ultralytics pairs with it and its
    /// names from the dataset's data.yaml: the same ground truth as through data.yaml.
    func testLabelsFolderEqualsDataYAML() throws {
        let folder = formatFixtures()
        let viaYAML = try EvalFileReader.loadEvaluation(
            groundTruth: folder + "/yolo/data.yaml", predictions: folder + "/yolo-preds")
        let viaFolder = try EvalFileReader.loadEvaluation(
            groundTruth: folder + "/yolo/labels/val", predictions: folder + "/yolo-preds")
        XCTAssertEqual(viaYAML.groundTruth.images, viaFolder.groundTruth.images)
        XCTAssertEqual(viaYAML.groundTruth.categories, viaFolder.groundTruth.categories)
        XCTAssertEqual(viaYAML.groundTruth.annotations.x, viaFolder.groundTruth.annotations.x)
        XCTAssertEqual(viaYAML.detections.score, viaFolder.detections.score)
    }
}

/// `Tests/EvalFormatsTests/Fixtures/formats`.
func formatFixtures() -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/formats").path
}
