import EvalCore
import XCTest

@testable import EvalFormats

final class PicselliaTests: XCTestCase {
    func testSeedPayloadRoundTripsToTheSameJSONValue() throws {
        let path = try sharedData("data/picsellia/evaluation.json")
        let original = try JSONValueParser.parse(path: path)
        let payload = try EvalFileReader.readPicselliaEvaluation(path: path)
        XCTAssertEqual(payload.labels, ["car", "pedestrian"])
        XCTAssertEqual(payload.perImage.count, 3)
        XCTAssertEqual(payload.perImage[1].tp, [6, 4])
        XCTAssertEqual(payload.perImage[1].classes.count, 13)
        XCTAssertEqual(payload.jsonValue, original)
        // Written and read back from text, too.
        let written = try temporaryFile("", name: "evaluation.json")
        try EvalFileWriter.write(payload.jsonValue, to: written)
        XCTAssertEqual(try EvalFileReader.readPicselliaEvaluation(path: written), payload)
    }

    /// The seed's files are `json.dump(…, indent=2)` output; the writer gives the same text.
    func testSeedLogsAreWrittenBackByteForByte() throws {
        for name in ["evaluation.json", "confusion-matrix.json"] {
            let path = try sharedData("data/picsellia/\(name)")
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let value: JSONValue = name == "evaluation.json"
                ? try EvalFileReader.readPicselliaEvaluation(path: path).jsonValue
                : try EvalFileReader.readConfusionMatrix(path: path).jsonValue
            XCTAssertEqual(JSONWriter(indent: 2).string(value), text, name)
        }
    }

    /// The seed (`shared/data/picsellia/evaluation.json`) writes per-image counts as floats and
    /// `total_objects` and `classes` as integers.
    func testWriterUsesTheSeedKeyOrderAndNumberKinds() throws {
        let image = PicselliaImageEval(
            filename: "a.jpg", nbObjects: [1], nbPreds: [1], tp: [1], fp: [0], fn: [0], bbox: [[0.1, 0.2, 0.3, 0.4]],
            classes: [5])
        let payload = PicselliaEvaluation(
            categories: ["5"], labels: ["cat"], totalObjects: [1], perImage: [image],
            filenameMatrix: [[["a.jpg"], []], [[], []]], metrics: [("iou", .number(0.5))])
        XCTAssertEqual(
            JSONWriter().string(payload.jsonValue),
            #"{"categories": ["5"], "labels": ["cat"], "total_objects": [1], "per_image_eval": [{"filename": "a.jpg", "#
                + #""nb_objects": [1.0], "nb_preds": [1.0], "TP": [1.0], "FP": [0.0], "FN": [0.0], "#
                + #""bbox": [[0.1, 0.2, 0.3, 0.4]], "classes": [5]}], "filename_matrix": [[["a.jpg"], []], [[], []]], "#
                + #""metrics": {"iou": 0.5}}"#)
    }

    func testHolesAreTolerated() throws {
        let text = #"{"categories": ["1"], "labels": ["car"], "total_objects": [0],"#
            + #" "per_image_eval": [{"filename": "x.jpg", "nb_objects": [2], "nb_preds": [0], "TP": [0], "FP": [0], "FN": [2], "bbox": []}],"#
            + #" "filename_matrix": [[[], []], [["x.jpg"], []]]}"#
        let payload = try PicselliaEvaluation(json: JSONValueParser.parse(bytes: Array(text.utf8), name: "p"), file: "p")
        XCTAssertNil(payload.metrics)
        XCTAssertEqual(payload.perImage[0].bbox, [])
        XCTAssertEqual(payload.perImage[0].classes, [])
        XCTAssertEqual(payload.perImage[0].fn, [2])
    }

    func testWrongShapesNameTheirPath() throws {
        let path = try sharedData("data/picsellia/evaluation.json")
        var json = try JSONValueParser.parse(path: path)
        json = replacing(json, at: ["per_image_eval", 2, "TP"], with: .array([.number(1), .number(2), .number(3)]))
        XCTAssertThrowsError(try PicselliaEvaluation(json: json, file: "evaluation.json")) {
            XCTAssertEqual(($0 as? FormatError)?.description, "evaluation.json: per_image_eval[2].TP: expected 2 numbers, found 3")
        }
        let confusion = #"{"categories": ["a"], "values": [[1, 2], [3]]}"#
        XCTAssertThrowsError(try ConfusionMatrixLog(json: JSONValueParser.parse(bytes: Array(confusion.utf8), name: "c"), file: "cm.json")) {
            XCTAssertEqual(($0 as? FormatError)?.description, "cm.json: values[1]: expected 2 numbers, found 1")
        }
    }

    func testConfusionMatrixRoundTrip() throws {
        let path = try sharedData("data/picsellia/confusion-matrix.json")
        let log = try EvalFileReader.readConfusionMatrix(path: path)
        XCTAssertEqual(log.categories, ["car", "pedestrian"])
        XCTAssertEqual(log.values, [[19, 1, 2], [1, 7, 2], [2, 2, 0]])
        XCTAssertEqual(log.jsonValue, try JSONValueParser.parse(path: path))
    }

    /// `value` with the element at `path` (keys and indices) replaced.
    private func replacing(_ value: JSONValue, at path: [Any], with replacement: JSONValue) -> JSONValue {
        guard let first = path.first else { return replacement }
        let rest = Array(path.dropFirst())
        switch (value, first) {
        case (.object(var members), let key as String):
            let i = members.firstIndex { $0.key == key }!
            members[i].value = replacing(members[i].value, at: rest, with: replacement)
            return .object(members)
        case (.array(var elements), let index as Int):
            elements[index] = replacing(elements[index], at: rest, with: replacement)
            return .array(elements)
        default:
            preconditionFailure("bad path")
        }
    }
}
