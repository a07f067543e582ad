import Foundation
import GRDB
import XCTest

@testable import EvalStore

final class LocalStoreTests: XCTestCase {
    private var storeURL: URL!

    override func setUpWithError() throws {
        storeURL = try makeTemporaryDirectory(for: self).appendingPathComponent("nested/dir/store.sqlite")
    }

    func testVersionsAppendPerExperimentAndPullReturnsWhatWasPushed() throws {
        let store = try LocalStore(url: storeURL)
        let first = try store.push(
            name: "detector", documents: SampleDocuments.make("v1"),
            metadata: PushMetadata(message: "baseline", edits: [], source: "gt.json + dt.json"))
        let second = try store.push(
            name: "detector", documents: SampleDocuments.make("v2"),
            metadata: PushMetadata(message: nil, edits: ["iou 0.5 → 0.6", "dropped image 12.jpg"]))
        let other = try store.push(name: "other", documents: SampleDocuments.make("o1"), metadata: PushMetadata())
        XCTAssertEqual([first.number, second.number, other.number], [1, 2, 1])

        let latest = try store.pull(name: "detector")
        XCTAssertEqual(latest.documents, SampleDocuments.make("v2"))
        XCTAssertEqual(latest.version?.number, 2)
        XCTAssertEqual(latest.origin, "store:detector@2")
        XCTAssertEqual(try store.pull(name: "detector", version: 1).documents, SampleDocuments.make("v1"))
    }

    func testLogListsVersionsWithTheirMetadataOldestFirst() throws {
        let store = try LocalStore(url: storeURL)
        let documents = EvaluationDocuments(evaluation: Data(SampleDocuments.evaluationText.utf8), confusionMatrix: nil)
        let before = Date()
        try store.push(name: "d", documents: documents, metadata: PushMetadata(message: "one", source: "run.json"))
        try store.push(name: "d", documents: SampleDocuments.make("x"), metadata: PushMetadata(edits: ["a", "b"]))

        let log = try store.log(name: "d")
        XCTAssertEqual(log.map(\.number), [1, 2])
        XCTAssertEqual(log.map(\.message), ["one", nil])
        XCTAssertEqual(log.map(\.edits), [[], ["a", "b"]])
        XCTAssertEqual(log.map(\.source), ["run.json", nil])
        XCTAssertEqual(log[0].evaluationSHA256, SampleDocuments.evaluationSHA256)
        XCTAssertEqual(log[0].evaluationBytes, SampleDocuments.evaluationText.utf8.count)
        XCTAssertNil(log[0].confusionMatrixBytes)
        XCTAssertEqual(log[1].confusionMatrixBytes, SampleDocuments.make("x").confusionMatrix!.count)
        XCTAssertGreaterThanOrEqual(log[0].createdAt.timeIntervalSince(before), -0.001)
        XCTAssertLessThanOrEqual(log[0].createdAt, log[1].createdAt)
        XCTAssertNil(try store.pull(name: "d", version: 1).documents.confusionMatrix)
    }

    func testExperimentsSummarizeEachHistory() throws {
        let store = try LocalStore(url: storeURL)
        XCTAssertEqual(try store.experiments(), [])
        for name in ["zeta", "alpha", "zeta", "zeta"] {
            try store.push(name: name, documents: SampleDocuments.make(name), metadata: PushMetadata())
        }
        let summaries = try store.experiments()
        XCTAssertEqual(summaries.map(\.name), ["alpha", "zeta"])
        XCTAssertEqual(summaries.map(\.versionCount), [1, 3])
        XCTAssertEqual(summaries[1].lastPushAt, try store.log(name: "zeta").last!.createdAt)
    }

    func testMissingExperimentAndVersionAreNamed() throws {
        let store = try LocalStore(url: storeURL)
        try store.push(name: "d", documents: SampleDocuments.make("x"), metadata: PushMetadata())
        XCTAssertThrowsError(try store.pull(name: "nope")) {
            XCTAssertEqual($0 as? StoreError, .experimentNotFound(name: "nope", path: storeURL.path))
        }
        XCTAssertThrowsError(try store.log(name: "nope"))
        XCTAssertThrowsError(try store.pull(name: "d", version: 4)) {
            XCTAssertEqual($0 as? StoreError, .versionNotFound(name: "d", version: 4, latest: 1))
        }
    }

    func testHistoryPersistsAcrossOpeningsAndIsMarkedAsOurs() throws {
        try LocalStore(url: storeURL).push(name: "d", documents: SampleDocuments.make("x"), metadata: PushMetadata())
        let reopened = try LocalStore(url: storeURL)
        try reopened.push(name: "d", documents: SampleDocuments.make("y"), metadata: PushMetadata())
        XCTAssertEqual(try reopened.log(name: "d").map(\.number), [1, 2])

        let header = try Data(contentsOf: storeURL).prefix(100)
        XCTAssertEqual(Data(header[68..<72]), Data("EvSh".utf8), "PRAGMA application_id at offset 68")
    }

    func testStoredVersionsCannotBeModifiedOrDeleted() throws {
        try LocalStore(url: storeURL).push(name: "d", documents: SampleDocuments.make("x"), metadata: PushMetadata())
        let queue = try DatabaseQueue(path: storeURL.path)
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "UPDATE version SET message = 'rewritten'") })
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "DELETE FROM version") })
        try queue.close()
        XCTAssertNil(try LocalStore(url: storeURL).log(name: "d")[0].message)
    }

    func testDocumentsThatCannotBeLogsAreRefused() throws {
        let store = try LocalStore(url: storeURL)
        XCTAssertThrowsError(
            try store.push(name: "d", documents: EvaluationDocuments(evaluation: Data(), confusionMatrix: nil), metadata: PushMetadata())
        ) { XCTAssertEqual($0 as? StoreError, .emptyDocument(which: "evaluation")) }
        XCTAssertThrowsError(
            try store.push(
                name: "d", documents: EvaluationDocuments(evaluation: Data("{}".utf8), confusionMatrix: Data(" [1]".utf8)),
                metadata: PushMetadata())
        ) { XCTAssertEqual($0 as? StoreError, .documentIsNotJSONObject(which: "confusion-matrix")) }
        XCTAssertEqual(try store.experiments(), [])
    }

    func testDefaultLocationFollowsXDGDataHome() {
        XCTAssertEqual(
            LocalStore.defaultURL(environment: ["XDG_DATA_HOME": "/data/me", "HOME": "/home/me"]).path,
            "/data/me/evalsh/store.sqlite")
        XCTAssertEqual(
            LocalStore.defaultURL(environment: ["HOME": "/home/me"]).path, "/home/me/.local/share/evalsh/store.sqlite")
        XCTAssertEqual(
            LocalStore.defaultURL(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/me"]).path,
            "/home/me/.local/share/evalsh/store.sqlite", "the XDG spec ignores relative paths")
    }
}
