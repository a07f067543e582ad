import EvalShell
import Foundation
import XCTest

final class PathCompleterTests: XCTestCase {
    private var root: String!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("evalsh-paths-\(UUID().uuidString)").path
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/work/Examples/coco small", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/home/data", withIntermediateDirectories: true)
        for file in ["/work/gt.json", "/work/gt-old.json", "/work/.hidden", "/work/Examples/coco small/dt.json", "/home/data/eval.json"] {
            XCTAssertTrue(manager.createFile(atPath: root + file, contents: Data()))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    private var completer: PathCompleter {
        PathCompleter(homeDirectory: root + "/home", workingDirectory: root + "/work")
    }

    func testRelativePrefixListsMatchingFilesAndMarksDirectories() {
        XCTAssertEqual(completer.candidates(for: "gt"), ["gt-old.json", "gt.json"])
        XCTAssertEqual(completer.candidates(for: "Ex"), ["Examples/"])
        XCTAssertEqual(completer.candidates(for: "Examples/"), ["Examples/coco small/"])
        XCTAssertEqual(completer.candidates(for: "Examples/coco small/d"), ["Examples/coco small/dt.json"])
    }

    func testHiddenEntriesOnlyWhenTheNameStartsWithADot() {
        XCTAssertFalse(completer.candidates(for: "").contains(".hidden"))
        XCTAssertEqual(completer.candidates(for: "."), [".hidden"])
    }

    func testTildeIsExpandedButKeptInCandidates() {
        XCTAssertEqual(completer.candidates(for: "~"), ["~/"])
        XCTAssertEqual(completer.candidates(for: "~/da"), ["~/data/"])
        XCTAssertEqual(completer.candidates(for: "~/data/e"), ["~/data/eval.json"])
    }

    func testAbsolutePathsAndMissingDirectories() {
        XCTAssertEqual(completer.candidates(for: root + "/work/gt."), [root + "/work/gt.json"])
        XCTAssertEqual(completer.candidates(for: "nowhere/x"), [])
    }
}
