import EvalCore
import Foundation
import XCTest

@testable import EvalQuery

/// `load` reads folders and YAML/XML files (YOLO, VOC), says what it recognised and takes image
/// sizes from `set images`.
final class ExecutorFormatsLoadTests: XCTestCase {
    private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("EvalFormatsTests/Fixtures/formats").path

    private func texts(_ results: [QueryResult]) -> [String] {
        results.compactMap { if case .message(let m) = $0 { return m.text } else { return nil } }
    }

    func testLoadVOCAndYOLOPredictionsAsANamedEvaluation() throws {
        let executor = Executor()
        let messages = texts(try executor.run("load \"\(fixtures)/voc\" \"\(fixtures)/yolo-preds\" as v8n"))
        XCTAssertEqual(messages.count, 2, "\(messages)")
        XCTAssertTrue(messages[0].hasPrefix("loaded v8n: 12 images, 3 classes"), messages[0])
        XCTAssertTrue(messages[1].hasPrefix("recognised Pascal VOC annotations"), messages[1])
        XCTAssertTrue(messages[1].contains("YOLO predictions"), messages[1])
        XCTAssertEqual(executor.workspace.current?.name, "v8n")
    }

    func testYOLOLabelsTakeSizesFromSetImages() throws {
        let executor = Executor()
        // a copy of the labels away from their images folder: only `set images` tells the sizes
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("evalquery-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: fixtures + "/yolo/labels/val", toPath: copy)
        try FileManager.default.copyItem(atPath: fixtures + "/yolo-preds/classes.txt", toPath: copy + "/classes.txt")
        XCTAssertThrowsError(try executor.run("load \"\(copy)\" \"\(fixtures)/yolo-preds\"")) { error in
            XCTAssertTrue("\(error)".contains("--images DIR"), "\(error)")
        }
        XCTAssertEqual(executor.workspace.evaluations.count, 0)
        _ = try executor.run("set images \"\(fixtures)/yolo/images/val\"")
        let messages = texts(try executor.run("load \"\(copy)\" \"\(fixtures)/yolo-preds\""))
        XCTAssertTrue(messages[0].contains("12 images, 3 classes"), messages[0])
        XCTAssertTrue(messages[1].contains("image sizes from \(fixtures)/yolo/images/val"), messages[1])
    }

    func testGroundTruthAloneAsksForPredictions() throws {
        XCTAssertThrowsError(try Executor().run("load \"\(fixtures)/yolo/data.yaml\"")) { error in
            XCTAssertTrue("\(error)".contains("its predictions are needed too"), "\(error)")
        }
    }
}
