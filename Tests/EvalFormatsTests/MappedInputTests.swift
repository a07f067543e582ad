import EvalCore
import Foundation
import XCTest

@testable import EvalFormats

/// Files are memory-mapped and their parsed pages handed back as the reader goes: what is read
/// must not change, an error's line and column must still be right after its pages were handed
/// back, and a load asked to stop must stop with `.cancelled`.
final class MappedInputTests: XCTestCase {
    // Mapping is opt-in (EVALSH_MAP_INPUT=1): a file truncated while mapped would end the
    // process with SIGBUS. These tests check the mapped path itself.
    override func setUp() { SourceBytes.mapsFiles = true }
    override func tearDown() { SourceBytes.mapsFiles = false }

    private func groundTruth() throws -> GroundTruth {
        try COCOGroundTruthReader.read(SourceBytes(string: smallGroundTruthJSON, name: "gt.json"))
    }

    /// 60,000 results, one per line (about 6 MB: both halves hand back pages many times).
    private func resultsText(lines: Int = 60_000) -> String {
        let elements = (0..<lines).map { i in
            #"{"image_id": \#(i % 2 == 0 ? 7 : 3), "category_id": 9, "bbox": [\#(Double(i) * 0.25), 1.5, 3, 4], "#
                + #""score": 0.\#(i), "note": "padding padding padding padding"}"#
        }
        return "[" + elements.joined(separator: ",\n") + "]\n"
    }

    func testMappedFileReadsTheSameAsCopiedBytes() throws {
        let gt = try groundTruth()
        let text = resultsText()
        let path = try temporaryFile(text)
        let mapped = try COCODetectionsReader.read(path: path, groundTruth: gt)
        let copied = try COCODetectionsReader.read(SourceBytes(string: text, name: "dt.json"), groundTruth: gt)
        XCTAssertEqual(mapped.count, 60_000)
        XCTAssertEqual(mapped.x, copied.x)
        XCTAssertEqual(mapped.score, copied.score)
        XCTAssertEqual(mapped.image, copied.image)
        XCTAssertEqual(mapped.x[59_999], 59_999 * 0.25)
    }

    func testErrorNearTheEndIsPlacedAfterPagesWereHandedBack() throws {
        let gt = try groundTruth()
        // Line 59,999 (1-based) gets a stray '@' where its "score" key starts.
        var lines = resultsText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let target = 59_998
        let keyColumn = lines[target].range(of: #""score""#)!.lowerBound.utf16Offset(in: lines[target]) + 1
        lines[target] = lines[target].replacingOccurrences(of: #""score""#, with: #"@"score""#)
        let path = try temporaryFile(lines.joined(separator: "\n"))
        XCTAssertThrowsError(try COCODetectionsReader.read(path: path, groundTruth: gt)) { error in
            guard case .invalidJSON(_, let line, let column, _)? = error as? FormatError else {
                return XCTFail("expected invalid JSON, got \(error)")
            }
            XCTAssertEqual(line, target + 1)
            XCTAssertEqual(column, keyColumn)
        }
    }

    func testCancelledLoadStopsWithCancelled() throws {
        let gt = try groundTruth()
        let path = try temporaryFile(resultsText())
        LoadCancellation.isRequested = { true }
        defer { LoadCancellation.isRequested = { false } }
        XCTAssertThrowsError(try COCODetectionsReader.read(path: path, groundTruth: gt)) {
            XCTAssertEqual($0 as? FormatError, .cancelled(file: path))
        }
        XCTAssertThrowsError(try COCOGroundTruthReader.read(SourceBytes(string: smallGroundTruthJSON, name: "gt.json"))) {
            XCTAssertEqual($0 as? FormatError, .cancelled(file: "gt.json"))
        }
    }

    /// A file whose size is a whole number of pages still ends with the NUL the scanner peeks at.
    func testFileOfWholePagesIsTerminated() throws {
        let size = MappedFile.pageSize * 2
        let body = #"{"a": [1, 2, 3]}"#
        let text = body + String(repeating: " ", count: size - body.utf8.count - 1) + "7"
        XCTAssertEqual(text.utf8.count, size)
        let path = try temporaryFile(text)
        XCTAssertThrowsError(try JSONValueParser.parse(path: path)) {
            XCTAssertEqual(($0 as? FormatError)?.description.contains("end of file after the top-level value"), true)
        }
        let exact = body + String(repeating: " ", count: size - body.utf8.count)
        let exactPath = try temporaryFile(exact)
        XCTAssertNoThrow(try JSONValueParser.parse(path: exactPath))
    }
}
