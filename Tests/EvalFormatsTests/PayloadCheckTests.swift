import EvalCore
import XCTest

@testable import EvalFormats

final class PayloadCheckTests: XCTestCase {
    private func seed() throws -> PicselliaEvaluation {
        try EvalFileReader.readPicselliaEvaluation(path: sharedData("data/picsellia/evaluation.json"))
    }

    /// The spec says the seed payload and its confusion-matrix.json satisfy every rule.
    func testSeedPayloadIsConsistent() throws {
        let matrix = try EvalFileReader.readConfusionMatrix(path: sharedData("data/picsellia/confusion-matrix.json"))
        XCTAssertEqual(PayloadCheck.issues(of: try seed(), confusionMatrix: matrix), [])
    }

    /// confusion-matrix-seed.json ([[33, 0, 13], [2, 7, 16], [10, 0, 0]]) against the payload's
    /// sums (TP 19 / 7, nb_objects 22 / 10, nb_preds 22 / 10), worked by hand.
    func testSeedIllustrationMatrixGivesWarnings() throws {
        let matrix = try EvalFileReader.readConfusionMatrix(
            path: sharedData("data/picsellia/confusion-matrix-seed.json"))
        let issues = PayloadCheck.issues(of: try seed(), confusionMatrix: matrix)
        XCTAssertTrue(issues.allSatisfy { $0.severity == .warning })
        XCTAssertEqual(
            issues.map(\.description),
            [
                "warning: confusion-matrix.values[0][0]: car: cell 33 but the payload's Σ TP = 19",
                "warning: confusion-matrix.values[0]: car: row sum 46 but the payload's Σ nb_objects = 22",
                "warning: confusion-matrix.values[*][0]: car: column sum 45 but the payload's Σ nb_preds = 22",
                "warning: confusion-matrix.values[1]: pedestrian: row sum 25 but the payload's Σ nb_objects = 10",
                "warning: confusion-matrix.values[*][1]: pedestrian: column sum 7 but the payload's Σ nb_preds = 10",
            ])
    }

    func testEachRuleReportsItsPath() throws {
        var payload = try seed()
        payload.perImage[1].tp[0] = 5  // TP+FP = 6 ≠ 7, TP+FN = 7 ≠ 8
        payload.perImage[0].bbox[2] = [0.5, 0.1, 0.4, 0.2]  // ymin > ymax
        payload.perImage[0].classes[3] = 4  // not a category
        payload.perImage[2].filename = payload.perImage[0].filename  // duplicate, and the old name vanishes
        payload.totalObjects[1] = 11
        payload.perImage[2].bbox.removeLast()
        let issues = PayloadCheck.issues(of: payload).map(\.description)
        XCTAssertEqual(
            issues,
            [
                "error: per_image_eval[0].bbox[2]: box [0.5, 0.1, 0.4, 0.2] is not [ymin, xmin, ymax, xmax] with 0 ≤ min ≤ max ≤ 1",
                "error: per_image_eval[0].classes[3]: class id 4 is not one of categories [\"1\", \"2\"]",
                "warning: per_image_eval[1].TP[0]: TP + FP = 6 but nb_preds = 7",
                "warning: per_image_eval[1].TP[0]: TP + FN = 7 but nb_objects = 8",
                "error: per_image_eval[2].filename: \"9999953_00000_d_0000058.jpg\" appears more than once",
                "warning: per_image_eval[2].bbox: 8 boxes but Σ nb_preds = 9",
                "error: per_image_eval[2].classes: 9 classes for 8 boxes",
                "warning: total_objects[1]: total_objects = 11 but Σ nb_preds = 10",
                "error: filename_matrix[0][0][2]: \"9999942_00000_d_0000234.jpg\" is not an image of per_image_eval",
                "error: filename_matrix[0][2][1]: \"9999942_00000_d_0000234.jpg\" is not an image of per_image_eval",
                "error: filename_matrix[1][1][1]: \"9999942_00000_d_0000234.jpg\" is not an image of per_image_eval",
                "error: filename_matrix[1][2][1]: \"9999942_00000_d_0000234.jpg\" is not an image of per_image_eval",
                "error: filename_matrix[2][0][1]: \"9999942_00000_d_0000234.jpg\" is not an image of per_image_eval",
                "error: filename_matrix[2][1][1]: \"9999942_00000_d_0000234.jpg\" is not an image of per_image_eval",
            ])
    }

    func testMatrixShapeErrors() throws {
        var payload = try seed()
        payload.filenameMatrix.removeLast()
        let log = ConfusionMatrixLog(categories: ["car", "pedestrian"], values: [[1, 2], [3, 4]])
        let issues = PayloadCheck.issues(of: payload, confusionMatrix: log).map(\.description)
        XCTAssertEqual(
            issues,
            [
                "error: filename_matrix: expected 3 rows, found 2",
                "error: confusion-matrix.values: expected 3×3 values for 2 classes, found [2, 2]",
            ])
    }
}
