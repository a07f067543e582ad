import Foundation
import GRDB
import XCTest

@testable import EvalStore

/// Files that are not an evalsh store are refused with their path named, and never written.
final class LocalStoreSafetyTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(for: self)
    }

    /// Opens a store at `url`, expecting `expected`, and checks the file is byte for byte unchanged
    /// and no WAL side files appeared.
    private func assertRefused(
        _ url: URL, _ expected: StoreError, file: StaticString = #filePath, line: UInt = #line
    ) throws {
        let before = try Data(contentsOf: url)
        XCTAssertThrowsError(try LocalStore(url: url), file: file, line: line) { error in
            XCTAssertEqual(error as? StoreError, expected, file: file, line: line)
            XCTAssertTrue("\(error)".contains(url.path), file: file, line: line)
        }
        XCTAssertEqual(try Data(contentsOf: url), before, "the file was modified", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: url.path + "-wal"), file: file, line: line)
    }

    func testATextFileIsNotADatabase() throws {
        let url = directory.appendingPathComponent("notes.txt")
        try Data("these are my notes, not a database\n".utf8).write(to: url)
        try assertRefused(url, .notASQLiteDatabase(path: url.path))
    }

    func testAnotherApplicationsDatabaseIsForeign() throws {
        let url = directory.appendingPathComponent("app.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { try $0.execute(sql: "CREATE TABLE version (id INTEGER); INSERT INTO version VALUES (1)") }
        try queue.close()
        try assertRefused(url, .foreignDatabase(path: url.path, applicationID: 0))
    }

    func testADatabaseWithAnotherApplicationIDIsForeign() throws {
        let url = directory.appendingPathComponent("tagged.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { try $0.execute(sql: "PRAGMA application_id = 42") }
        try queue.close()
        try assertRefused(url, .foreignDatabase(path: url.path, applicationID: 42))
    }

    func testAStoreFromANewerEvalshIsRefused() throws {
        let url = directory.appendingPathComponent("future.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        try queue.write { try $0.execute(sql: "PRAGMA application_id = \(0x4576_5368); PRAGMA user_version = 7") }
        try queue.close()
        try assertRefused(url, .newerSchema(path: url.path, found: 7, supported: 2))
    }

    func testACorruptStoreIsRefused() throws {
        let url = directory.appendingPathComponent("store.sqlite")
        do {
            let store = try LocalStore(url: url)
            for tag in ["a", "b", "c"] { try store.push(name: tag, documents: SampleDocuments.make(tag), metadata: PushMetadata()) }
        }
        var bytes = try Data(contentsOf: url)
        // Page 1 holds the schema table's b-tree right after the 100-byte file header.
        bytes.replaceSubrange(100..<600, with: Data(repeating: 0xA5, count: 500))
        try bytes.write(to: url)
        XCTAssertThrowsError(try LocalStore(url: url)) { error in
            guard case .corruptDatabase(let path, _)? = error as? StoreError else {
                return XCTFail("expected corruptDatabase, got \(error)")
            }
            XCTAssertEqual(path, url.path)
        }
        XCTAssertEqual(try Data(contentsOf: url), bytes)
    }

    func testATruncatedHeaderIsCorrupt() throws {
        let url = directory.appendingPathComponent("cut.sqlite")
        try Data("SQLite format 3\0 and then nothing".utf8).write(to: url)
        try assertRefused(url, .corruptDatabase(path: url.path, detail: "the file ends inside the SQLite header"))
    }

    func testAnEmptyFileBecomesAStore() throws {
        let url = directory.appendingPathComponent("empty.sqlite")
        XCTAssertTrue(FileManager.default.createFile(atPath: url.path, contents: Data()))
        try LocalStore(url: url).push(name: "d", documents: SampleDocuments.make("x"), metadata: PushMetadata())
        XCTAssertEqual(try LocalStore(url: url).log(name: "d").count, 1)
    }
}
