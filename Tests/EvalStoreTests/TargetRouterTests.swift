import Foundation
import XCTest

@testable import EvalStore

final class TargetRouterTests: XCTestCase {
    private var directory: URL!
    private var router: TargetRouter!

    override func setUpWithError() throws {
        directory = try makeTemporaryDirectory(for: self)
        router = TargetRouter(localStoreURL: directory.appendingPathComponent("store.sqlite"), environment: [:])
    }

    func testStoreTargetsPushNewVersionsAndPullAnyOfThem() throws {
        let metadata = PushMetadata(message: "m", edits: ["e"], source: "s")
        let first = try router.push(SampleDocuments.make("a"), metadata: metadata, to: .store(name: "x", version: nil))
        try router.push(SampleDocuments.make("b"), metadata: metadata, to: .store(name: "x", version: nil))
        XCTAssertEqual(first.description, "pushed store:x@1")
        XCTAssertEqual(try router.pull(from: .store(name: "x", version: 1)).documents, SampleDocuments.make("a"))
        XCTAssertEqual(try router.pull(from: .store(name: "x", version: nil)).documents, SampleDocuments.make("b"))
        XCTAssertThrowsError(try router.push(SampleDocuments.make("c"), metadata: metadata, to: .store(name: "x", version: 1))) {
            XCTAssertEqual($0 as? StoreError, .versionOnPush(target: "store:x@1"))
        }
    }

    func testFileTargetsWriteThePair() throws {
        let url = directory.appendingPathComponent("out.json")
        let receipt = try router.push(SampleDocuments.make("a"), metadata: PushMetadata(), to: .file(url))
        XCTAssertEqual(receipt, .files(evaluation: url, confusionMatrix: directory.appendingPathComponent("out.confusion-matrix.json")))
        XCTAssertEqual(try router.pull(from: .file(url)).documents, SampleDocuments.make("a"))
    }

    func testPicselliaTargetsUseTheEnvironment() throws {
        let token = "router-SECRET-token"
        let fake = try FakePicsellia(token: token)
        defer { fake.stop() }
        let id = fake.addExperiment(project: "p", experiment: "e")
        let target = try PushTarget.parse("picsellia:p/e")
        XCTAssertThrowsError(try router.pull(from: target)) { XCTAssertEqual($0 as? StoreError, .missingToken) }

        let configured = TargetRouter(
            localStoreURL: router.localStoreURL,
            environment: ["PICSELLIA_TOKEN": token, "PICSELLIA_HOST": fake.baseURL.absoluteString])
        let receipt = try configured.push(SampleDocuments.make("a"), metadata: PushMetadata(), to: target)
        guard case .picsellia(let pushed) = receipt else { return XCTFail("\(receipt)") }
        XCTAssertEqual(pushed.experimentID, id)
        XCTAssertFalse(receipt.description.contains(token))
        XCTAssertNotNil(try configured.pull(from: target).documents.confusionMatrix)
    }
}
