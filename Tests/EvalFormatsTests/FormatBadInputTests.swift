import EvalCore
import Foundation
import XCTest

@testable import EvalFormats

/// Each malformed input is refused with a message naming the file and the line (or a warning
/// with a count), and nothing is returned.
final class FormatBadInputTests: XCTestCase {
    func testWrongFieldCountNamesFileAndLine() throws {
        let root = try folder(["labels/a.txt": "0 0.5 0.5 0.2 0.2\n1 0.5 0.5 0.2\n"])
        XCTAssertThrowsError(try YOLOReader.readFolder(root + "/labels")) { error in
            guard case .located(let file, let line, _, let message) = error as? FormatError else { return XCTFail("\(error)") }
            XCTAssertEqual(file, root + "/labels/a.txt")
            XCTAssertEqual(line, 2)
            XCTAssertTrue(message.hasPrefix("4 fields"), message)
        }
    }

    func testNotANumberNamesColumn() throws {
        let root = try folder(["labels/a.txt": "0 0.5 0.5 0.2 0.2\n\n1 0.5 x 0.2 0.1\n"])
        XCTAssertThrowsError(try YOLOReader.readFolder(root + "/labels")) { error in
            XCTAssertEqual("\(error)", root + "/labels/a.txt:3:7: \"x\" is not a number")
        }
    }

    func testClassOutsideNames() throws {
        let root = try folder(["labels/classes.txt": "cat\ndog\n", "labels/a.txt": "1 0.5 0.5 0.2 0.2\n2 0.5 0.5 0.2 0.2\n"])
        XCTAssertThrowsError(try YOLOReader.readFolder(root + "/labels")) { error in
            XCTAssertEqual("\(error)", root + "/labels/a.txt:2:1: class 2 is outside names (2 classes: 0…1)")
        }
    }

    func testCoordinatesOutsideAreAWarningWithACount() throws {
        let root = try folder([
            "labels/classes.txt": "cat\n",
            "labels/a.txt": "0 0.5 0.5 0.2 0.2\n0 1.2 0.5 0.2 0.2\n0 0.5 -0.1 0.2 0.2\n",
            "labels/b.txt": "0 0.5 0.5 0.2 1.5\n",
        ])
        let set = try YOLOReader.readFolder(root + "/labels")
        XCTAssertEqual(set.boxCount, 4)
        XCTAssertEqual(set.warnings.count, 1)
        XCTAssertTrue(set.warnings[0].hasPrefix("3 box(es) in 2 file(s) have coordinates outside [0, 1]"), set.warnings[0])
        XCTAssertTrue(set.warnings[0].hasSuffix("(first: \(root)/labels/a.txt:2)"), set.warnings[0])
    }

    func testXMLThatDoesNotParseNamesLineAndColumn() throws {
        let root = try folder([
            "voc/a.xml": "<annotation>\n  <filename>a.png</filename>\n  <object><name>cat</name></objet>\n</annotation>\n",
        ])
        XCTAssertThrowsError(try VOCReader.readFolder(root + "/voc")) { error in
            XCTAssertEqual(
                "\(error)", "\(root)/voc/a.xml:3:27: XML does not parse: </objet> closes <object> (opened on line 3)")
        }
    }

    func testMissingImageIsNamed() throws {
        let root = try folder([
            "labels/classes.txt": "cat\n", "labels/a.txt": "0 0.5 0.5 0.2 0.2\n", "labels/b.txt": "0 0.5 0.5 0.2 0.2\n",
        ])
        let images = root + "/images"
        try FileManager.default.createDirectory(atPath: images, withIntermediateDirectories: true)
        try Data(pngHeader(width: 10, height: 10)).write(to: URL(fileURLWithPath: images + "/a.png"))
        XCTAssertThrowsError(try YOLOReader.readFolder(root + "/labels", images: ImageFolder(path: images))) { error in
            XCTAssertEqual("\(error)", "\(root)/labels/b.txt: its image \"b.*\" is not in \(images) (needed for the image size)")
        }
    }

    func testTwoFilesForOneImage() throws {
        let root = try folder(["labels/a.txt": "0 0.5 0.5 0.2 0.2\n", "labels/sub/a.txt": "0 0.5 0.5 0.2 0.2\n"])
        XCTAssertThrowsError(try YOLOReader.readFolder(root + "/labels")) { error in
            XCTAssertEqual("\(error)", "\(root)/labels/sub/a.txt: image \"a\" is also described by \(root)/labels/a.txt: two files for one image")
        }
    }

    func testNamesThatMatchNothingAreListed() throws {
        let root = try folder([
            "voc/a.xml": voc("a.png", [("cat", 1, 1, 5, 5), ("dog", 2, 2, 6, 6)]),
            "preds/classes.txt": "cat\nzebra\nyak\n",
            "preds/a.txt": "0 0.5 0.5 0.2 0.2 0.9\n1 0.5 0.5 0.2 0.2 0.8\n2 0.5 0.5 0.2 0.2 0.8\n",
        ])
        XCTAssertThrowsError(try EvalFileReader.loadEvaluation(groundTruth: root + "/voc", predictions: root + "/preds")) {
            error in
            XCTAssertEqual(error as? FormatError, .unmatchedNames(file: root + "/preds", names: ["yak", "zebra"], known: ["cat", "dog"]))
        }
    }

    func testPredictionOfAnImageNotInTheGroundTruth() throws {
        let root = try folder([
            "voc/a.xml": voc("a.png", [("cat", 1, 1, 5, 5)]),
            "preds/classes.txt": "cat\n",
            "preds/b.txt": "0 0.5 0.5 0.2 0.2 0.9\n",
        ])
        XCTAssertThrowsError(try EvalFileReader.loadEvaluation(groundTruth: root + "/voc", predictions: root + "/preds")) {
            error in
            XCTAssertEqual("\(error)", "\(root)/preds/b.txt: image \"b\" is not in the ground truth")
        }
    }

    func testYOLOLabelsWithoutImagesAskForThem() throws {
        let root = try folder(["gt/classes.txt": "cat\n", "gt/a.txt": "0 0.5 0.5 0.2 0.2\n",
                               "preds/a.txt": "0 0.5 0.5 0.2 0.2 0.9\n"])
        XCTAssertThrowsError(try EvalFileReader.loadEvaluation(groundTruth: root + "/gt", predictions: root + "/preds")) {
            error in
            XCTAssertTrue("\(error)".contains("--images DIR"), "\(error)")
        }
    }

    func testYAMLErrorNamesLine() throws {
        let root = try folder(["data.yaml": "path: .\nval: images\nnames: [cat, dog\n"])
        XCTAssertThrowsError(try YOLODataConfig.read(path: root + "/data.yaml")) { error in
            guard case .located(_, let line, _, let message) = error as? FormatError else { return XCTFail("\(error)") }
            XCTAssertNotNil(line)
            XCTAssertTrue(message.hasPrefix("not YAML"), message)
        }
    }
}

/// Writes `files` (relative path → text) under a fresh temporary folder and returns it.
func folder(_ files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("evalformats-\(UUID().uuidString)").path
    for (relative, text) in files {
        let path = root + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    return root
}

func voc(_ fileName: String, _ boxes: [(String, Int, Int, Int, Int)], size: (Int, Int) = (100, 80)) -> String {
    let objects = boxes.map { name, x0, y0, x1, y1 in
        "<object><name>\(name)</name><bndbox><xmin>\(x0)</xmin><ymin>\(y0)</ymin><xmax>\(x1)</xmax><ymax>\(y1)</ymax></bndbox></object>"
    }
    return "<annotation><filename>\(fileName)</filename><size><width>\(size.0)</width><height>\(size.1)</height></size>"
        + objects.joined(separator: "\n") + "</annotation>\n"
}

/// The first 24 bytes of a PNG: signature, IHDR length and type, width, height (big-endian).
func pngHeader(width: UInt32, height: UInt32) -> [UInt8] {
    [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]
        + withUnsafeBytes(of: width.bigEndian, Array.init) + withUnsafeBytes(of: height.bigEndian, Array.init)
        + [8, 2, 0, 0, 0]
}

final class FolderProgressTests: XCTestCase {
    /// A folder of files reports no `.reading` event per file (the progress line would flicker
    /// through thousands of names), and the reading of a single file still does.
    func testFolderReadsHoldBackPerFileEvents() throws {
        let root = try folder(["labels/a.txt": "0 0.5 0.5 0.2 0.2\n", "labels/b.txt": "0 0.5 0.5 0.2 0.2\n",
                               "labels/c.txt": "0 0.5 0.5 0.2 0.2\n"])
        let events = EventLog()
        _ = try LoadProgress.observing({ events.add($0) }) { () throws(FormatError) in
            try YOLOReader.readFolder(root + "/labels")
        }
        XCTAssertEqual(events.all.filter { if case .reading = $0 { return true } else { return false } }.count, 0)
        _ = try LoadProgress.observing({ events.add($0) }) { () throws(FormatError) in
            try SourceBytes(path: root + "/labels/a.txt")
        }
        XCTAssertEqual(events.all.count, 1)
    }
}

private final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var events: [LoadProgress] = []
    func add(_ event: LoadProgress) { lock.withLock { events.append(event) } }
    var all: [LoadProgress] { lock.withLock { events } }
}
