import EvalCore
import Foundation
import XCTest

@testable import EvalFormats

/// Loading an export gives the statistics of what was exported (to 1e-12: coordinates go
/// through fractions or corner points and back).
final class ExportRoundTripTests: XCTestCase {
    private func original() throws -> LoadedEvaluation {
        let folder = formatFixtures()
        return try EvalFileReader.loadEvaluation(groundTruth: folder + "/yolo/data.yaml", predictions: folder + "/yolo-preds")
    }

    private func stats(_ loaded: LoadedEvaluation) throws -> [Double] {
        try Evaluator(groundTruth: loaded.groundTruth, detections: loaded.detections).cocoMetrics().stats
    }

    private func assertSame(_ a: [Double], _ b: [Double], _ name: String) {
        XCTAssertEqual(a.count, 12)
        for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: 1e-12, name) }
    }

    private func exportFolder() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("evalformats-export-\(UUID().uuidString)").path
    }

    func testCOCO() throws {
        let source = try original()
        let path = exportFolder()
        let summary = try EvalFileWriter.export(.coco, groundTruth: source.groundTruth, detections: source.detections, to: path)
        XCTAssertEqual(summary.files, 2)
        let back = try EvalFileReader.loadEvaluation(
            groundTruth: path + "/ground_truth.json", predictions: path + "/predictions.json")
        XCTAssertEqual(back.groundTruth.images, source.groundTruth.images)
        assertSame(try stats(back), try stats(source), "coco")
    }

    func testYOLO() throws {
        let source = try original()
        let path = exportFolder()
        let summary = try EvalFileWriter.export(
            .yolo, groundTruth: source.groundTruth, detections: source.detections, to: path,
            imagesDirectory: formatFixtures() + "/yolo/images/val")
        XCTAssertEqual(summary.notes, [])
        let back = try EvalFileReader.loadEvaluation(groundTruth: path + "/data.yaml", predictions: path + "/predictions")
        XCTAssertEqual(back.groundTruth.categories, source.groundTruth.categories)
        assertSame(try stats(back), try stats(source), "yolo")
    }

    func testVOCWithAnExcludedImageAndARenamedClass() throws {
        var source = try original()
        source.groundTruth.categories[0].name = "kitten"
        var included = [Bool](repeating: true, count: source.groundTruth.images.count)
        included[3] = false
        let (gt, dt) = EvaluationExport.subset(source.groundTruth, source.detections, included: included)
        let path = exportFolder()
        _ = try EvalFileWriter.export(.voc, groundTruth: gt, detections: dt, to: path)
        let back = try EvalFileReader.loadEvaluation(groundTruth: path, predictions: path + "/predictions")
        XCTAssertEqual(back.groundTruth.images.count, 11)
        XCTAssertEqual(Set(back.groundTruth.categories.map(\.name)), ["kitten", "dog", "person"])
        let expected = try Evaluator(groundTruth: source.groundTruth, detections: source.detections)
            .cocoMetrics(imageMask: included).stats
        assertSame(try stats(back), expected, "voc")
    }

    func testAnExistingFolderIsNotOverwritten() throws {
        let source = try original()
        XCTAssertThrowsError(try EvalFileWriter.export(
            .coco, groundTruth: source.groundTruth, detections: source.detections, to: formatFixtures())) { error in
            XCTAssertTrue("\(error)".hasSuffix("cannot write: exists already; export writes a new folder"), "\(error)")
        }
    }
}
