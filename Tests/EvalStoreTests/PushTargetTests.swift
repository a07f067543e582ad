import Foundation
import XCTest

@testable import EvalStore

final class PushTargetTests: XCTestCase {
    private let home = URL(fileURLWithPath: "/home/ana")

    private func parse(_ text: String) throws -> PushTarget { try PushTarget.parse(text, homeDirectory: home) }

    private func assertError(_ text: String, _ expected: StoreError, line: UInt = #line) {
        XCTAssertThrowsError(try parse(text), line: line) { XCTAssertEqual($0 as? StoreError, expected, line: line) }
    }

    func testStoreTargets() throws {
        XCTAssertEqual(try parse("store:detector"), .store(name: "detector", version: nil))
        XCTAssertEqual(try parse(" store:yolo v8@12 "), .store(name: "yolo v8", version: 12))
        assertError("store:", .invalidStoreName(target: "store:"))
        assertError("store:@2", .invalidStoreName(target: "store:@2"))
        assertError("store:d@0", .invalidVersion(target: "store:d@0", version: "0"))
        assertError("store:d@latest", .invalidVersion(target: "store:d@latest", version: "latest"))
    }

    func testPicselliaTargets() throws {
        let id = "0188E773-DB65-7546-8E3E-B38FE5BED6D2"
        XCTAssertEqual(try parse("picsellia:\(id)"), .picsellia(.id(UUID(uuidString: id)!)))
        XCTAssertEqual(try parse("picsellia:\(id)").description, "picsellia:\(id.lowercased())")
        XCTAssertEqual(
            try parse("picsellia:road signs/yolo v8"), .picsellia(.names(project: "road signs", experiment: "yolo v8")))
        for bad in ["picsellia:", "picsellia:just-a-name", "picsellia:a/b/c", "picsellia:/exp", "picsellia:proj/"] {
            assertError(bad, .invalidPicselliaTarget(target: bad))
        }
    }

    func testAJSONPathIsAFile() throws {
        XCTAssertEqual(try parse("~/runs/a.json"), .file(URL(fileURLWithPath: "/home/ana/runs/a.json")))
        XCTAssertEqual(try parse("/tmp/../tmp/b.json"), .file(URL(fileURLWithPath: "/tmp/b.json")))
        let relative = try parse("out.json")
        XCTAssertEqual(relative, .file(URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/out.json")))
        XCTAssertEqual(
            try parse("./stor:x.json"), .file(URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/stor:x.json")))
        XCTAssertEqual(try parse("RUN.JSON"), .file(URL(fileURLWithPath: FileManager.default.currentDirectoryPath + "/RUN.JSON")))
    }

    /// `push "first run"` (a message without `message`) once wrote a file named `first run`.
    func testAWordThatIsNotAJSONPathIsRefused() {
        for word in ["first run", "baseline", "./stor:x", "runs/out", "out.json.bak"] {
            assertError(word, .fileTargetNotJSON(target: word))
        }
    }

    func testMistypedSchemesAndEmptyWordsAreRefused() {
        assertError("stor:detector", .unknownTargetScheme(target: "stor:detector", scheme: "stor"))
        assertError("s3:bucket/key", .unknownTargetScheme(target: "s3:bucket/key", scheme: "s3"))
        assertError("   ", .emptyTarget)
    }
}
