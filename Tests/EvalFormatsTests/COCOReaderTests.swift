import EvalCore
import XCTest

@testable import EvalFormats

final class COCOReaderTests: XCTestCase {
    private func smallGroundTruth() throws -> GroundTruth {
        try COCOGroundTruthReader.read(SourceBytes(string: smallGroundTruthJSON, name: "gt.json"))
    }

    func testGroundTruthColumnsUseIndicesAndFileOrder() throws {
        let gt = try smallGroundTruth()
        XCTAssertEqual(gt.categories, [Category(id: 9, name: "truck"), Category(id: 2, name: "bicycle")])
        XCTAssertEqual(gt.images.map(\.id), [7, 3])
        XCTAssertEqual(gt.annotations.image, [0, 1])
        XCTAssertEqual(gt.annotations.category, [0, 1])
        XCTAssertEqual(gt.annotations.area, [150.5, 20])  // missing area → w·h
        XCTAssertEqual(gt.annotations.isCrowd, [false, true])
        XCTAssertEqual(gt.annotations.ignore, [false, true])
        XCTAssertEqual(gt.annotations.box(0), BoundingBox(x: 1, y: 2, width: 10, height: 20))
    }

    func testResultsListAndMissingScore() throws {
        let gt = try smallGroundTruth()
        let results = #"[{"image_id": 3, "category_id": 9, "bbox": [1, 1, 2, 2], "score": 0.25},"#
            + #" {"image_id": 7, "category_id": 2, "bbox": [0.5, 0, 1, 3], "extra": {"k": [1]}}]"#
        let dt = try COCODetectionsReader.read(SourceBytes(string: results, name: "dt.json"), groundTruth: gt)
        XCTAssertEqual(dt.image, [1, 0])
        XCTAssertEqual(dt.category, [0, 1])
        XCTAssertEqual(dt.score[0], 0.25)
        XCTAssertTrue(dt.score[1].isNaN)
        XCTAssertFalse(dt.allScored)
    }

    func testUnknownIdsNameTheElement() throws {
        let gt = try smallGroundTruth()
        let unknownImage = #"[{"image_id": 3, "category_id": 9, "bbox": [1, 1, 2, 2], "score": 1},"#
            + #" {"image_id": 8, "category_id": 9, "bbox": [1, 1, 2, 2], "score": 1}]"#
        XCTAssertThrowsError(try COCODetectionsReader.read(SourceBytes(string: unknownImage, name: "dt.json"), groundTruth: gt)) {
            XCTAssertEqual($0 as? FormatError, .unknownImage(file: "dt.json", path: "[1].image_id", index: 1, imageId: 8))
        }
        let unknownCategory = #"{"annotations": [{"image_id": 3, "category_id": 1, "bbox": [1, 1, 2, 2], "score": 1}]}"#
        XCTAssertThrowsError(try COCODetectionsReader.read(SourceBytes(string: unknownCategory, name: "dt.json"), groundTruth: gt)) {
            XCTAssertEqual(
                ($0 as? FormatError)?.description,
                "dt.json: annotations[0].category_id: element 0 names category_id 1, which is not in the ground truth")
        }
        let badGroundTruth = smallGroundTruthJSON.replacingOccurrences(of: #""image_id": 3"#, with: #""image_id": 4"#)
        XCTAssertThrowsError(try COCOGroundTruthReader.read(SourceBytes(string: badGroundTruth, name: "gt.json"))) {
            XCTAssertEqual($0 as? FormatError, .unknownImage(file: "gt.json", path: "annotations[1].image_id", index: 1, imageId: 4))
        }
        let duplicate = smallGroundTruthJSON.replacingOccurrences(of: #""id": 3,"#, with: #""id": 7,"#)
        XCTAssertThrowsError(try COCOGroundTruthReader.read(SourceBytes(string: duplicate, name: "gt.json"))) {
            XCTAssertEqual($0 as? FormatError, .duplicateId(file: "gt.json", path: "images[1].id", id: 7))
        }
    }

    func testShapeErrorsNameTheJSONPath() throws {
        let gt = try smallGroundTruth()
        let shortBox = #"[{"image_id": 3, "category_id": 9, "bbox": [1, 1, 2], "score": 1}]"#
        XCTAssertThrowsError(try COCODetectionsReader.read(SourceBytes(string: shortBox, name: "dt.json"), groundTruth: gt)) {
            XCTAssertEqual(
                ($0 as? FormatError)?.description, "dt.json: [0].bbox: expected 4 numbers [x, y, width, height], found 3")
        }
        let textScore = #"[{"image_id": 3, "category_id": 9, "bbox": [1, 1, 2, 2], "score": "high"}]"#
        XCTAssertThrowsError(try COCODetectionsReader.read(SourceBytes(string: textScore, name: "dt.json"), groundTruth: gt)) {
            XCTAssertEqual(($0 as? FormatError)?.description, "dt.json: [0].score: expected a number, found a string")
        }
        let noBox = #"[{"image_id": 3, "category_id": 9}]"#
        XCTAssertThrowsError(try COCODetectionsReader.read(SourceBytes(string: noBox, name: "dt.json"), groundTruth: gt)) {
            XCTAssertEqual(($0 as? FormatError)?.description, "dt.json: [0]: missing key \"bbox\"")
        }
        let noImages = #"{"categories": [], "annotations": []}"#
        XCTAssertThrowsError(try COCOGroundTruthReader.read(SourceBytes(string: noImages, name: "gt.json"))) {
            XCTAssertEqual(($0 as? FormatError)?.description, "gt.json: (top level): missing key \"images\"")
        }
        let stringId = smallGroundTruthJSON.replacingOccurrences(of: #""id": 9,"#, with: #""id": "9","#)
        XCTAssertThrowsError(try COCOGroundTruthReader.read(SourceBytes(string: stringId, name: "gt.json"))) {
            XCTAssertEqual(($0 as? FormatError)?.description, "gt.json: categories[0].id: expected a number, found a string")
        }
    }

    /// A results list above the parallel threshold, read in two halves; in the `tricky` variant
    /// the middle falls in a string that looks like an element boundary (`} , {`), which the
    /// first half's parse must refute. Both must give what the elements say.
    func testParallelReadEqualsSequentialRead() throws {
        let gt = try smallGroundTruth()
        for tricky in [false, true] {
            var elements: [String] = []
            for i in 0..<12_000 {
                let note = tricky && i == 6_000 ? String(repeating: "} , {", count: 60_000) : "n\(i)"
                elements.append(
                    #"{"image_id": \#(i % 2 == 0 ? 7 : 3), "category_id": \#(i % 3 == 0 ? 9 : 2), "#
                        + #""bbox": [\#(Double(i) * 0.5), 1.25, 3e-2, 4], "score": 0.\#(i), "note": "\#(note)"}"#)
            }
            let text = "[" + elements.joined(separator: ",\n ") + "]"
            let source = SourceBytes(string: text, name: "big.json")
            XCTAssertGreaterThan(source.count, ObjectArrayReader.parallelThreshold)
            let parallel = try COCODetectionsReader.read(source, groundTruth: gt)
            XCTAssertEqual(parallel.count, 12_000)
            for i in [0, 1, 5_999, 6_000, 6_001, 11_999] {
                XCTAssertEqual(parallel.x[i], Double(i) * 0.5)
                XCTAssertEqual(parallel.image[i], i % 2 == 0 ? 0 : 1)
                XCTAssertEqual(parallel.category[i], i % 3 == 0 ? 0 : 1)
                XCTAssertEqual(parallel.score[i], Double("0.\(i)"))
            }
            // An error in the second half is reported with its index in the whole array.
            let broken = text.replacingOccurrences(of: #""bbox": [5500.0, 1.25"#, with: #""bbox": [5500.0, "x""#)
                .replacingOccurrences(of: #""bbox": [5600.0, 1.25"#, with: #""bbox": [5600.0, "y""#)
            XCTAssertThrowsError(
                try COCODetectionsReader.read(SourceBytes(string: broken, name: "big.json"), groundTruth: gt)
            ) {
                XCTAssertEqual(
                    ($0 as? FormatError)?.description, "big.json: [11000].bbox[1]: expected a number, found a string")
            }
        }
    }

    func testTruncatedFilesAreRefused() throws {
        let gt = try smallGroundTruth()
        let results = #"[{"image_id": 3, "category_id": 9, "bbox": [1, 1, 2, 2], "score": 0.5}]"#
        for cut in [results.count - 1, results.count - 2, 30] {
            let truncated = String(results.prefix(cut))
            XCTAssertThrowsError(try COCODetectionsReader.read(SourceBytes(string: truncated, name: "dt.json"), groundTruth: gt))
        }
        XCTAssertThrowsError(
            try COCOGroundTruthReader.read(SourceBytes(string: String(smallGroundTruthJSON.dropLast(3)), name: "gt.json")))
    }

    func testPeersFilesLoadWithTheirCounts() throws {
        let gt100 = try EvalFileReader.readGroundTruth(path: sharedData("data/peers/coco-val2014-100/instances_val2014_100.json"))
        XCTAssertEqual(gt100.images.count, 100)
        XCTAssertEqual(gt100.annotations.count, 839)
        XCTAssertEqual(gt100.categories.count, 80)
        let results = try EvalFileReader.readDetections(
            path: sharedData("data/peers/coco-val2014-100/instances_val2014_fakebbox100_results.json"), groundTruth: gt100)
        XCTAssertEqual(results.count, 734)
        // First result of the file: {"image_id": 42, "category_id": 18, "bbox": [258.15, 41.29, 348.26, 243.78], "score": 0.236}
        XCTAssertEqual(gt100.images[Int(results.image[0])].id, 42)
        XCTAssertEqual(gt100.categories[Int(results.category[0])].id, 18)
        XCTAssertEqual(results.box(0), BoundingBox(x: 258.15, y: 41.29, width: 348.26, height: 243.78))
        XCTAssertEqual(results.score[0], 0.236)

        let gtArea = try EvalFileReader.readGroundTruth(
            path: sharedData("data/peers/coco-val2014-100-bbox-area/sampled_gts_bbox_area.json"))
        XCTAssertEqual(gtArea.annotations.count, 830)
        let scored = try EvalFileReader.load(
            path: sharedData("data/peers/coco-val2014-100-bbox-area/sampled_bbox_results.json"), groundTruth: gtArea)
        guard case .detections(let dt, let kind) = scored else { return XCTFail("not detections: \(scored.kind)") }
        XCTAssertEqual(kind, .cocoDatasetWithScores)
        XCTAssertEqual(dt.count, 734)
        XCTAssertTrue(dt.allScored)
    }
}
