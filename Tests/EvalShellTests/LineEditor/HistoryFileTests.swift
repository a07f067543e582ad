@testable import EvalShell
import Foundation
import XCTest

final class HistoryFileTests: XCTestCase {
    private var directory: String!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-history-\(UUID().uuidString)").path
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func mode(of path: String) throws -> Int {
        try XCTUnwrap((FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue)
    }

    func testDefaultLocationPrefersAbsoluteXDGStateHomeThenHome() throws {
        XCTAssertEqual(
            try HistoryFile.defaultLocation(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"]).path,
            "/s/evalsh/history")
        XCTAssertEqual(
            try HistoryFile.defaultLocation(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"]).path,
            "/h/.local/state/evalsh/history")
        XCTAssertThrowsError(try HistoryFile.defaultLocation(environment: [:])) { error in
            XCTAssertEqual(error as? HistoryFileError, .noStateDirectory)
        }
    }

    func testAppendCreatesPrivateFileAndDirectoriesAndLoadReturnsEntries() throws {
        let file = HistoryFile(path: directory + "/a/b/history")
        XCTAssertEqual(try file.load(limit: 10), [])
        try file.append("summary")
        try file.append("cell car \"traffic light\"")
        XCTAssertEqual(try file.load(limit: 10), ["summary", "cell car \"traffic light\""])
        XCTAssertEqual(try mode(of: file.path), 0o600)
        XCTAssertEqual(try mode(of: directory + "/a/b"), 0o700)
    }

    func testExistingFileWithLooseModeIsTightened() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/history"
        XCTAssertTrue(FileManager.default.createFile(
            atPath: path, contents: Data("old\n".utf8), attributes: [.posixPermissions: 0o644]))
        let file = HistoryFile(path: path)
        XCTAssertEqual(try file.load(limit: 10), ["old"])
        XCTAssertEqual(try mode(of: path), 0o600)
    }

    func testEntriesWithNewlinesAndBackslashesRoundTrip() throws {
        let file = HistoryFile(path: directory + "/history")
        let entries = ["show a\\b.jpg", "where name = \"x\"\nand FN > 1", "ends with \\"]
        for entry in entries { try file.append(entry) }
        XCTAssertEqual(try String(contentsOfFile: file.path, encoding: .utf8).split(separator: "\n").count, 3)
        XCTAssertEqual(try file.load(limit: 10), entries)
    }

    func testLoadKeepsTheNewestAndCompactsAnOversizedFile() throws {
        let file = HistoryFile(path: directory + "/history")
        for index in 1...7 { try file.append("statement \(index)") }
        XCTAssertEqual(try file.load(limit: 3), ["statement 5", "statement 6", "statement 7"])
        XCTAssertEqual(
            try String(contentsOfFile: file.path, encoding: .utf8),
            "statement 5\nstatement 6\nstatement 7\n")
    }

    func testUnwritableLocationIsReportedWithItsPath() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let blocker = directory + "/not-a-directory"
        XCTAssertTrue(FileManager.default.createFile(atPath: blocker, contents: Data()))
        let file = HistoryFile(path: blocker + "/history")
        XCTAssertThrowsError(try file.append("summary")) { error in
            guard case .cannotCreateDirectory(let path, _) = error as? HistoryFileError else {
                return XCTFail("unexpected error \(error)")
            }
            XCTAssertEqual(path, blocker)
        }
    }
}
