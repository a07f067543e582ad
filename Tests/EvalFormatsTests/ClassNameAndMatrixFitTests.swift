import EvalCore
import Foundation
import XCTest

@testable import EvalFormats

/// Duplicate class names, out-of-domain payload thresholds, and a matrix beside a payload
/// that does not fit it (issue 11).
final class ClassNameAndMatrixFitTests: XCTestCase {
    private func seedText() throws -> String {
        try String(contentsOfFile: sharedData("data/picsellia/evaluation.json"), encoding: .utf8)
    }

    private func payloadError(_ text: String) -> String {
        do {
            _ = try PicselliaEvaluation(json: JSONValueParser.parse(bytes: Array(text.utf8), name: "e.json"), file: "e.json")
            return "no error"
        } catch {
            return error.description
        }
    }

    func testTwoCOCOCategoriesWithOneNameAreAnErrorNamingBothIds() throws {
        let text = """
            {"images": [{"id": 1, "file_name": "a.jpg", "width": 9, "height": 9}],
             "categories": [{"id": 1, "name": "person"}, {"id": 2, "name": "car"}, {"id": 7, "name": "person"}],
             "annotations": []}
            """
        XCTAssertThrowsError(try EvalFileReader.readGroundTruth(path: temporaryFile(text))) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("categories[2].name"), message)
            XCTAssertTrue(message.contains("\"person\" is used by category ids 1 and 7"), message)
        }
    }

    func testTwoPayloadLabelsWithOneNameAreAnError() throws {
        let json = try JSONValueParser.parse(bytes: Array(try seedText().utf8), name: "e.json")
        guard case .object(var members) = json, let i = members.firstIndex(where: { $0.key == "labels" }),
            case .array(let labels) = members[i].value, labels.count >= 2
        else { return XCTFail("the seed payload has labels") }
        members[i].value = .array([labels[0], labels[0]] + labels.dropFirst(2))
        let text = JSONWriter().string(.object(members))
        XCTAssertTrue(payloadError(text).contains("labels[1]: class name"), payloadError(text))
        XCTAssertTrue(payloadError(text).contains("appears twice (labels[0] and labels[1])"))
    }

    func testPayloadThresholdsOutsideTheirDomainAreErrors() throws {
        let seed = try seedText()
        for (value, shown) in [("2", "found 2.0"), ("\"high\"", "found a string"), ("-0.1", "found -0.1")] {
            let text = seed.replacingOccurrences(of: "\"metrics\": {", with: "\"metrics\": {\"iou\": \(value), ")
            XCTAssertNotEqual(text, seed, "the seed payload has metrics")
            let message = payloadError(text)
            XCTAssertTrue(message.contains("metrics.iou: expected a number between 0 and 1 (the IoU threshold), \(shown)"), message)
        }
        let fine = seed.replacingOccurrences(of: "\"metrics\": {", with: "\"metrics\": {\"iou\": 0.7, ")
        XCTAssertEqual(payloadError(fine), "no error")
    }

    func testAMatrixOfTheWrongShapeBesideAPayloadIsReported() throws {
        let payloadPath = try temporaryFile(try seedText(), name: "evaluation.json")
        let folder = (payloadPath as NSString).deletingLastPathComponent
        try #"{"categories": ["car", "pedestrian"], "values": [[1, 2], [3, 4]]}"#
            .write(toFile: folder + "/confusion-matrix.json", atomically: true, encoding: .utf8)
        let payload = try EvalFileReader.readPicselliaEvaluation(path: payloadPath)
        XCTAssertNil(SiblingConfusionMatrix.matching(beside: payloadPath, labels: payload.labels))
        let issues = SiblingConfusionMatrix.issues(beside: payloadPath, payload: payload, severity: .error)
        XCTAssertEqual(issues.count, 1)
        XCTAssertEqual(issues.first?.severity, .error)
        XCTAssertEqual(issues.first?.path, folder + "/confusion-matrix.json")
        XCTAssertTrue(issues.first?.message.contains("values: expected 3 rows, found 2") ?? false, "\(issues)")
    }

    func testNonFiniteCountsInAPayloadAreErrorsWithTheirPath() throws {
        let seed = try seedText()
        guard let open = seed.range(of: "\"total_objects\": ["),
            let first = seed.range(of: ",", range: open.upperBound..<seed.endIndex)
        else { return XCTFail("the seed payload has total_objects") }
        let text = seed.replacingCharacters(in: open.upperBound..<first.lowerBound, with: "NaN")
        XCTAssertNotEqual(text, seed)
        let message = payloadError(text)
        XCTAssertTrue(message.contains("total_objects[0]: expected a finite number, found NaN"), message)
    }
}
