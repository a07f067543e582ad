import Foundation
import XCTest

@testable import EvalStore

final class FileTargetTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(for: self)
    }

    private func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    func testPushWritesBothFilesAndPullReadsThemBack() throws {
        let target = FileTarget(evaluationURL: directory.appendingPathComponent("run.json"))
        let documents = SampleDocuments.make("car")
        try target.push(documents)
        XCTAssertEqual(try contents(), ["run.confusion-matrix.json", "run.json"])
        XCTAssertEqual(try Data(contentsOf: target.evaluationURL), documents.evaluation)
        XCTAssertEqual(try Data(contentsOf: target.confusionMatrixURL), documents.confusionMatrix)
        let pulled = try target.pull()
        XCTAssertEqual(pulled.documents, documents)
        XCTAssertEqual(pulled.origin, target.evaluationURL.path)
        XCTAssertNil(pulled.version)
    }

    func testCompanionNameDropsTheJSONExtension() {
        XCTAssertEqual(FileTarget(evaluationURL: URL(fileURLWithPath: "/d/x.json")).confusionMatrixURL.path, "/d/x.confusion-matrix.json")
        XCTAssertEqual(FileTarget(evaluationURL: URL(fileURLWithPath: "/d/x")).confusionMatrixURL.path, "/d/x.confusion-matrix.json")
        XCTAssertEqual(
            FileTarget(evaluationURL: URL(fileURLWithPath: "/d/a.b.json")).confusionMatrixURL.path, "/d/a.b.confusion-matrix.json")
    }

    func testReplacingKeepsThePermissionsOfTheOldFile() throws {
        let url = directory.appendingPathComponent("run.json")
        try Data("{}".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: url.path)
        try FileTarget(evaluationURL: url).push(SampleDocuments.make("car"))
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o640)
        let fresh = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("run.confusion-matrix.json").path)
        XCTAssertEqual((fresh[.posixPermissions] as? NSNumber)?.intValue, 0o644)
    }

    func testAFailedRenameLeavesTheOldFilesAndNoTemporary() throws {
        let url = directory.appendingPathComponent("run.json")
        try Data("old evaluation".utf8).write(to: url)
        // A non-empty directory where the confusion-matrix file goes makes its rename fail.
        let blocker = directory.appendingPathComponent("run.confusion-matrix.json")
        try FileManager.default.createDirectory(at: blocker, withIntermediateDirectories: false)
        try Data("x".utf8).write(to: blocker.appendingPathComponent("inside"))

        XCTAssertThrowsError(try FileTarget(evaluationURL: url).push(SampleDocuments.make("car"))) { error in
            guard case .fileWriteFailed(let path, _)? = error as? StoreError else { return XCTFail("\(error)") }
            XCTAssertEqual(path, blocker.path)
        }
        XCTAssertEqual(try String(contentsOf: url, encoding: .utf8), "old evaluation")
        XCTAssertEqual(try contents(), ["run.confusion-matrix.json", "run.json"])
    }

    func testAMissingDirectoryFailsWithoutCreatingAnything() throws {
        let url = directory.appendingPathComponent("absent/run.json")
        XCTAssertThrowsError(try FileTarget(evaluationURL: url).push(SampleDocuments.make("car"))) { error in
            guard case .fileWriteFailed? = error as? StoreError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try contents(), [])
    }

    func testPullWithoutCompanionHasNoConfusionMatrix() throws {
        let url = directory.appendingPathComponent("only.json")
        try Data(SampleDocuments.evaluationText.utf8).write(to: url)
        let pulled = try FileTarget(evaluationURL: url).pull()
        XCTAssertEqual(pulled.documents.evaluation, Data(SampleDocuments.evaluationText.utf8))
        XCTAssertNil(pulled.documents.confusionMatrix)
        XCTAssertThrowsError(try FileTarget(evaluationURL: directory.appendingPathComponent("none.json")).pull()) {
            XCTAssertEqual($0 as? StoreError, .fileNotFound(path: directory.appendingPathComponent("none.json").path))
        }
    }

    func testPushWithoutConfusionMatrixWritesOnlyTheEvaluation() throws {
        let url = directory.appendingPathComponent("e.json")
        try FileTarget(evaluationURL: url).push(EvaluationDocuments(evaluation: Data("{}".utf8), confusionMatrix: nil))
        XCTAssertEqual(try contents(), ["e.json"])
    }
}
