#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EvalCore
import Foundation
import XCTest

@testable import EvalFormats

/// Inputs that are not files, not JSON, or hold values outside their domain (issue 11).
final class InputHardeningTests: XCTestCase {
    private func loadError(_ path: String, groundTruth: GroundTruth? = nil) -> FormatError? {
        do {
            _ = try EvalFileReader.load(path: path, groundTruth: groundTruth)
            return nil
        } catch {
            return error
        }
    }

    private let groundTruthText = """
        {"images": [{"id": 1, "file_name": "a.jpg", "width": 100, "height": 100}],
         "categories": [{"id": 1, "name": "car"}],
         "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4], "area": 12, "iscrowd": 0}]}
        """

    func testAFIFOIsRefusedWithoutBlocking() throws {
        let folder = (try temporaryFile("")as NSString).deletingLastPathComponent
        let fifo = folder + "/f.json"
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        let started = Date()
        let error = loadError(fifo)
        XCTAssertLessThan(Date().timeIntervalSince(started), 2, "opening a FIFO with no writer must not block")
        XCTAssertTrue(error?.description.contains("FIFO") ?? false, "\(String(describing: error))")
    }

    func testAFolderAndADeviceAreNamedAsSuch() throws {
        let folder = (try temporaryFile("") as NSString).deletingLastPathComponent
        XCTAssertTrue(loadError(folder)?.description.contains("it is a folder") ?? false)
        XCTAssertTrue(loadError("/dev/zero")?.description.contains("device") ?? false)
    }

    func testASparseFileOfZerosFailsAtItsFirstByteWithoutReadingTheRest() throws {
        let path = try temporaryFile("", name: "sparse.json")
        XCTAssertEqual(truncate(path, 2 << 30), 0)
        defer { unlink(path) }
        let started = Date()
        guard case .invalidJSON(_, 1, 1, let message)? = loadError(path) else {
            return XCTFail("expected an invalid-JSON error at 1:1")
        }
        XCTAssertTrue(message.contains("0x00"), message)
        // Reading 2 GiB takes seconds; the head alone, milliseconds.
        XCTAssertLessThan(Date().timeIntervalSince(started), 1.5)
    }

    func testAControlByteInTheHeadIsReportedAtItsPlace() throws {
        let path = try temporaryFile("{\"images\": [\n  \u{01}]}")
        guard case .invalidJSON(_, 2, 3, _)? = loadError(path) else { return XCTFail("expected 2:3") }
    }

    func testDeepNestingHasAClearLimit() {
        let error = parseError(String(repeating: "[", count: 100_000))
        XCTAssertTrue(error?.description.contains("nested too deeply (limit 512") ?? false, "\(String(describing: error))")
    }

    func testAnArrayOfArraysIsNotCalledAResultsList() throws {
        let path = try temporaryFile(String(repeating: "[", count: 100_000))
        let error = loadError(path)
        XCTAssertTrue(error?.description.contains("first element is an array, not an object") ?? false, "\(String(describing: error))")
    }

    func testPredictionsGivenAsGroundTruthSayWhatToDo() throws {
        let path = try temporaryFile(#"[{"image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4], "score": 0.5}]"#)
        XCTAssertThrowsError(try EvalFileReader.readGroundTruth(path: path)) { error in
            XCTAssertTrue("\(error)".contains("give the ground truth first"), "\(error)")
        }
    }

    private func detectionsError(_ element: String) throws -> String {
        let groundTruth = try EvalFileReader.readGroundTruth(path: try temporaryFile(groundTruthText))
        let ok = #"{"image_id": 1, "category_id": 1, "bbox": [1, 2, 3, 4], "score": 0.5}"#
        let path = try temporaryFile("[\(ok), \(element)]")
        do {
            _ = try EvalFileReader.readDetections(path: path, groundTruth: groundTruth)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    func testOutOfDomainPredictionValuesAreErrorsWithTheirPath() throws {
        let box = #""image_id": 1, "category_id": 1"#
        XCTAssertTrue(try detectionsError(#"{\#(box), "bbox": [1, 2, 3, 4], "score": NaN}"#).contains("[1].score: expected a finite number, found NaN"))
        XCTAssertTrue(try detectionsError(#"{\#(box), "bbox": [1, 2, 3, 4], "score": Infinity}"#).contains("[1].score: expected a finite number"))
        XCTAssertTrue(try detectionsError(#"{\#(box), "bbox": [1, 2, 3, 4], "score": 1e400}"#).contains("[1].score: expected a finite number"))
        XCTAssertTrue(try detectionsError(#"{\#(box), "bbox": [1, 2, 3, 4], "score": 1.5}"#).contains("[1].score: a score is between 0 and 1"))
        XCTAssertTrue(try detectionsError(#"{\#(box), "bbox": [1, 2, 3, 4], "score": -0.1}"#).contains("[1].score"))
        XCTAssertTrue(try detectionsError(#"{\#(box), "bbox": [1, 2, -3, 4], "score": 0.5}"#).contains("[1].bbox: a box needs a positive width and height"))
        XCTAssertTrue(try detectionsError(#"{\#(box), "bbox": [1, 2, 3, 0], "score": 0.5}"#).contains("[1].bbox"))
        XCTAssertTrue(try detectionsError(#"{\#(box), "bbox": [1, NaN, 3, 4], "score": 0.5}"#).contains("[1].bbox[1]"))
        XCTAssertEqual(try detectionsError(#"{\#(box), "bbox": [1, 2, 3, 4], "score": 1}"#), "no error")
    }

    func testOutOfDomainGroundTruthValuesAreErrorsWithTheirPath() throws {
        func error(_ annotation: String) throws -> String {
            let text = groundTruthText.replacingOccurrences(
                of: #""area": 12, "iscrowd": 0"#, with: annotation)
            do {
                _ = try EvalFileReader.readGroundTruth(path: try temporaryFile(text))
                return "no error"
            } catch {
                return "\(error)"
            }
        }
        XCTAssertTrue(try error(#""area": 12, "iscrowd": 2"#).contains("annotations[0].iscrowd: expected 0 or 1"))
        XCTAssertTrue(try error(#""area": NaN, "iscrowd": 0"#).contains("annotations[0].area: expected a finite number, found NaN"))
        XCTAssertTrue(try error(#""area": -1, "iscrowd": 0"#).contains("annotations[0].area"))
        XCTAssertEqual(try error(#""area": 12, "iscrowd": true"#), "no error")
    }
}
