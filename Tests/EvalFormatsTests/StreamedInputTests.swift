import EvalCore
import Foundation
import XCTest

@testable import EvalFormats

/// Large results lists are read through a sliding window (`StreamedResultsReader`): what is
/// read must equal the whole-file read even when every window cuts an element, and anything
/// the window cannot settle (an error, a string image id, an element wider than the window)
/// must fall back to the whole-file read, whose results and errors the user then sees.
final class StreamedInputTests: XCTestCase {
    private func groundTruth() throws -> GroundTruth {
        try COCOGroundTruthReader.read(SourceBytes(string: smallGroundTruthJSON, name: "gt.json"))
    }

    /// 20,000 results of varied widths (about 2 MB): a 4 KiB window cuts hundreds of them.
    private func resultsText(lines: Int = 20_000) -> String {
        let elements = (0..<lines).map { i in
            #"{"image_id": \#(i % 2 == 0 ? 7 : 3), "category_id": 9, "bbox": [\#(Double(i) * 0.25), 1.5, 3, 4], "#
                + #""score": 0.\#(i), "note": "\#(String(repeating: "p", count: i % 37))"}"#
        }
        return "  [" + elements.joined(separator: ",\n") + "]\n\n"
    }

    private func streamed(_ path: String, windowSize: Int = 4096) throws -> Detections? {
        try StreamedResultsReader.read(path: path, groundTruth: groundTruth(), windowSize: windowSize, threshold: 0)
    }

    private func assertSameColumns(
        _ read: Detections, _ whole: Detections, _ message: String, file: StaticString = #filePath, line: UInt = #line
    ) {
        XCTAssertEqual(read.count, 20_000, message, file: file, line: line)
        XCTAssertEqual(read.image, whole.image, message, file: file, line: line)
        XCTAssertEqual(read.category, whole.category, message, file: file, line: line)
        XCTAssertEqual(read.x, whole.x, message, file: file, line: line)
        XCTAssertEqual(read.y, whole.y, message, file: file, line: line)
        XCTAssertEqual(read.width, whole.width, message, file: file, line: line)
        XCTAssertEqual(read.height, whole.height, message, file: file, line: line)
        XCTAssertEqual(read.score, whole.score, message, file: file, line: line)
    }

    func testWindowedReadEqualsTheWholeFileRead() throws {
        let text = resultsText()
        let path = try temporaryFile(text)
        let whole = try COCODetectionsReader.read(SourceBytes(string: text, name: "dt.json"), groundTruth: groundTruth())
        for windowSize in [4096, 4099, 1 << 20] {
            let windowed = try XCTUnwrap(try streamed(path, windowSize: windowSize), "window \(windowSize)")
            assertSameColumns(windowed, whole, "window \(windowSize)")
            // Written as `0.19999` and `19999 * 0.25` in the text.
            XCTAssertEqual(windowed.score[19_999], 0.19999)
            XCTAssertEqual(windowed.x[19_999], 4999.75)
        }
    }

    /// Parts of about 30 KB (some 70, capped at `maxParts`), each confirmed by the part before it.
    func testManyPartsEqualTheWholeFileRead() throws {
        let text = resultsText()
        let path = try temporaryFile(text)
        let whole = try COCODetectionsReader.read(SourceBytes(string: text, name: "dt.json"), groundTruth: groundTruth())
        for (windowSize, partSize) in [(4096, 30_000), (1 << 20, 30_000), (4096, 1 << 30)] {
            let parts = try XCTUnwrap(
                try StreamedResultsReader.read(
                    path: path, groundTruth: groundTruth(), windowSize: windowSize, threshold: 0, partSize: partSize),
                "window \(windowSize), parts of \(partSize)")
            assertSameColumns(parts, whole, "window \(windowSize), parts of \(partSize)")
        }
    }

    func testErrorFallsBackToTheWholeFileReadAndItsPlace() throws {
        var lines = resultsText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let target = 19_000
        let keyColumn = lines[target].range(of: #""score""#)!.lowerBound.utf16Offset(in: lines[target]) + 1
        lines[target] = lines[target].replacingOccurrences(of: #""score""#, with: #"@"score""#)
        let path = try temporaryFile(lines.joined(separator: "\n"))
        XCTAssertNil(try streamed(path))
        XCTAssertThrowsError(try EvalFileReader.readDetections(path: path, groundTruth: groundTruth())) { error in
            guard case .invalidJSON(_, let line, let column, _)? = error as? FormatError else {
                return XCTFail("expected invalid JSON, got \(error)")
            }
            XCTAssertEqual(line, target + 1)
            XCTAssertEqual(column, keyColumn)
        }
    }

    func testTextAfterTheArrayIsRefused() throws {
        let path = try temporaryFile(resultsText() + String(repeating: " ", count: 10_000) + "x")
        XCTAssertNil(try streamed(path))
        XCTAssertThrowsError(try EvalFileReader.readDetections(path: path, groundTruth: groundTruth())) {
            XCTAssertEqual(($0 as? FormatError)?.description.contains("end of file after the top-level value"), true)
        }
    }

    func testUnknownImageFallsBack() throws {
        let path = try temporaryFile(resultsText().replacingOccurrences(of: #"{"image_id": 3, "category_id": 9, "bbox": [4999.75"#,
            with: #"{"image_id": 5, "category_id": 9, "bbox": [4999.75"#))
        XCTAssertNil(try streamed(path))
        XCTAssertThrowsError(try EvalFileReader.readDetections(path: path, groundTruth: groundTruth())) { error in
            guard case .unknownImage(_, _, let index, let imageId)? = error as? FormatError else {
                return XCTFail("expected an unknown image, got \(error)")
            }
            XCTAssertEqual(index, 19_999)
            XCTAssertEqual(imageId, 5)
        }
    }

    func testElementWiderThanTheWindowFallsBackAndReads() throws {
        let wide = #"{"image_id": 7, "category_id": 9, "bbox": [1, 2, 3, 4], "score": 0.5, "note": ""#
            + String(repeating: "w", count: 10_000) + #""}"#
        let text = resultsText().replacingOccurrences(of: "  [", with: "  [" + wide + ",\n")
        let path = try temporaryFile(text)
        XCTAssertNil(try streamed(path))
        let read = try EvalFileReader.readDetections(path: path, groundTruth: groundTruth())
        XCTAssertEqual(read.count, 20_001)
        XCTAssertEqual(read.score[0], 0.5)
    }

    func testStringImageIdsAreLeftToTheStemReader() throws {
        let path = try temporaryFile(resultsText().replacingOccurrences(of: #""image_id": 7"#, with: #""image_id": "a""#))
        XCTAssertNil(try streamed(path))
    }

    func testCancelledLoadStopsWithCancelled() throws {
        let path = try temporaryFile(resultsText())
        let gt = try groundTruth()
        LoadCancellation.isRequested = { true }
        defer { LoadCancellation.isRequested = { false } }
        XCTAssertThrowsError(try StreamedResultsReader.read(path: path, groundTruth: gt, windowSize: 4096, threshold: 0)) {
            XCTAssertEqual($0 as? FormatError, .cancelled(file: path))
        }
    }

    /// A file read whole is read in slices with the cancellation checked between them: a Ctrl-C
    /// during the read of a large ground truth stops it instead of waiting for the last byte.
    func testCancelledWholeFileReadStopsWithCancelled() throws {
        let path = try temporaryFile("[" + String(repeating: "0, ", count: 3_000_000) + "0]")
        XCTAssertNoThrow(try SourceBytes(path: path, json: true))
        LoadCancellation.isRequested = { true }
        defer { LoadCancellation.isRequested = { false } }
        XCTAssertThrowsError(try SourceBytes(path: path, json: true)) {
            XCTAssertEqual($0 as? FormatError, .cancelled(file: path))
        }
    }
}
