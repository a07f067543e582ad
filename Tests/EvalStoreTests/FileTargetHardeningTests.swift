#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XCTest

@testable import EvalStore

/// Push targets that are not plain files (issue 11): refused before anything is written, or,
/// for a symbolic link, written through with the link kept.
final class FileTargetHardeningTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(for: self)
    }

    private func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func testAFolderAsTargetIsRefusedBeforeTheMatrixIsWritten() throws {
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("out.json"), withIntermediateDirectories: false)
        let target = FileTarget(evaluationURL: directory.appendingPathComponent("out.json"))
        XCTAssertThrowsError(try target.push(SampleDocuments.make("car"))) { error in
            XCTAssertTrue("\(error)".contains("it is a folder"), "\(error)")
        }
        // "unchanged" is true: no matrix was written beside it, no temporary left.
        XCTAssertEqual(try contents(), ["out.json"])
    }

    func testADeviceIsRefusedAndLeftAlone() throws {
        var before = stat()
        XCTAssertEqual(stat("/dev/null", &before), 0)
        let target = FileTarget(evaluationURL: URL(fileURLWithPath: "/dev/null"), confusionMatrixURL: directory.appendingPathComponent("m.json"))
        XCTAssertThrowsError(try target.push(SampleDocuments.make("car"))) { error in
            XCTAssertTrue("\(error)".contains("it is a device"), "\(error)")
        }
        var after = stat()
        XCTAssertEqual(stat("/dev/null", &after), 0)
        XCTAssertEqual(after.st_mode & S_IFMT, S_IFCHR)
        XCTAssertEqual(try contents(), [], "the matrix is not written when the payload's target is refused")
    }

    func testAFIFOIsRefusedWithoutBlocking() throws {
        let fifo = directory.appendingPathComponent("f.json")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        XCTAssertThrowsError(try FileTarget(evaluationURL: fifo).push(SampleDocuments.make("car"))) { error in
            XCTAssertTrue("\(error)".contains("FIFO"), "\(error)")
        }
    }

    func testASymbolicLinkIsWrittenThrough() throws {
        let real = directory.appendingPathComponent("real.json")
        try Data("{}".utf8).write(to: real)
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.json")
        let documents = SampleDocuments.make("car")
        try FileTarget(evaluationURL: link).push(documents)
        XCTAssertEqual(try FileManager.default.destinationOfSymbolicLink(atPath: link.path), "real.json", "the link is kept")
        XCTAssertEqual(try Data(contentsOf: real), documents.evaluation, "its target holds the new payload")
    }

    func testADanglingLinkIsRefused() throws {
        let link = directory.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "nowhere/x.json")
        XCTAssertThrowsError(try FileTarget(evaluationURL: link).push(SampleDocuments.make("car")))
        XCTAssertNotNil(try? FileManager.default.destinationOfSymbolicLink(atPath: link.path))
    }

    func testStaleTemporariesOfAKilledPushAreRemovedAtTheNextPush() throws {
        for name in [".run.json.Ab12Cd", ".run.confusion-matrix.json.zz99ZZ"] {
            try Data("half".utf8).write(to: directory.appendingPathComponent(name))
        }
        try Data("keep".utf8).write(to: directory.appendingPathComponent(".run.json.notmine-long"))
        try FileTarget(evaluationURL: directory.appendingPathComponent("run.json")).push(SampleDocuments.make("car"))
        XCTAssertEqual(try contents(), [".run.json.notmine-long", "run.confusion-matrix.json", "run.json"])
    }

    /// `--store DIR`, `--store FIFO`, `--store /dev/null`: a clear message, nothing blocks.
    func testAStorePathThatIsNotAFileIsRefusedClearly() throws {
        XCTAssertThrowsError(try LocalStore(url: directory)) { error in
            XCTAssertTrue("\(error)".contains("it is a folder; --store names the store's file"), "\(error)")
        }
        let fifo = directory.appendingPathComponent("s.sqlite")
        XCTAssertEqual(mkfifo(fifo.path, 0o600), 0)
        XCTAssertThrowsError(try LocalStore(url: fifo)) { error in
            XCTAssertTrue("\(error)".contains("not a regular file"), "\(error)")
        }
        XCTAssertThrowsError(try LocalStore(url: URL(fileURLWithPath: "/dev/null"))) { error in
            XCTAssertTrue("\(error)".contains("not a regular file"), "\(error)")
        }
    }
}
