import EvalCore
import Foundation
import GRDB
import XCTest

@testable import EvalStore

/// Whole evaluations in the local store: pulled back bit for bit, stored once however many
/// versions refer to them, removed by `forget`.
final class StoredEvaluationTests: XCTestCase {
    private var storeURL: URL!

    override func setUpWithError() throws {
        storeURL = try makeTemporaryDirectory(for: self).appendingPathComponent("store.sqlite")
    }

    private func evaluation(
        _ sample: (GroundTruth, Detections), metrics: [(key: String, value: JSONValue)] = [], excluded: [Int] = [],
        labels: [String]? = nil, point: OperatingPoint = .seedDefault
    ) -> StoredEvaluation {
        StoredEvaluation(
            content: .boxes(sample.0, sample.1),
            state: StoredState(
                point: point, metrics: metrics, excluded: excluded, labels: labels ?? sample.0.categories.map(\.name)),
            summary: VersionSummary(point: point, imageCount: sample.0.images.count - excluded.count, ap: 0.25, ap50: 0.5))
    }

    private func blobStats() throws -> (count: Int, bytes: Int) {
        let queue = try DatabaseQueue(path: storeURL.path)
        defer { try? queue.close() }
        return try queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM blob")!,
             try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(length(data)), 0) FROM blob")!)
        }
    }

    private func fileSize() throws -> Int {
        try FileManager.default.attributesOfItem(atPath: storeURL.path)[.size] as! Int
    }

    func testAPulledVersionIsThePushedEvaluationBitForBit() throws {
        let sample = SampleEvaluation.make()
        let metrics: [(key: String, value: JSONValue)] = [
            ("iou", .number(0.6)), ("confidence", .number(0.3)), ("note", .string("raised iou")), ("runs", .integer(3)),
        ]
        let store = try LocalStore(url: storeURL)
        let pushed = try store.push(
            name: "det",
            evaluation: evaluation(
                sample, metrics: metrics, excluded: [2, 5], labels: ["person", "automobile", "dog"],
                point: OperatingPoint(iou: 0.6, confidence: 0.3)),
            metadata: PushMetadata(message: "first", edits: ["metric iou=0.6: …"]))
        XCTAssertEqual(pushed.kind, .boxes)
        XCTAssertEqual(pushed.summary.point, OperatingPoint(iou: 0.6, confidence: 0.3))

        let pulled = try LocalStore(url: storeURL).pullEvaluation(name: "det")
        guard case .boxes(let groundTruth, let detections) = pulled.evaluation.content else { return XCTFail("no boxes") }
        XCTAssertEqual(SampleEvaluation.columns(groundTruth, detections), SampleEvaluation.columns(sample.0, sample.1))
        XCTAssertEqual(groundTruth.images, sample.0.images)
        XCTAssertEqual(groundTruth.categories, sample.0.categories)
        XCTAssertTrue(detections.score.contains { $0.isNaN } == sample.1.score.contains { $0.isNaN })
        let state = pulled.evaluation.state
        XCTAssertEqual(state.point, OperatingPoint(iou: 0.6, confidence: 0.3))
        XCTAssertEqual(state.excluded, [2, 5])
        XCTAssertEqual(state.labels, ["person", "automobile", "dog"])
        XCTAssertEqual(JSONValue.object(state.metrics), JSONValue.object(metrics))
        XCTAssertEqual(state.metrics.map(\.key), ["iou", "confidence", "note", "runs"])
        XCTAssertEqual(pulled.version.message, "first")
        XCTAssertEqual(pulled.version.summary.ap, 0.25)
    }

    /// Issue 12 item 5: metrics of any name come back of the kind pushed (equality of JSONValue
    /// would take `1` for `1.0`, so the kinds are matched case by case).
    func testMetricsOfAnyNameComeBackOfTheirKind() throws {
        let metrics: [(key: String, value: JSONValue)] = [
            ("mAP@50", .number(0.4)), ("metrics/mAP50-95(B)", .number(0.52)), ("run id", .string("abc")),
            ("lr", .number(1.0)), ("epochs", .integer(3)), ("tuned", .bool(true)),
        ]
        let store = try LocalStore(url: storeURL)
        try store.push(name: "det", evaluation: evaluation(SampleEvaluation.make(images: 5), metrics: metrics), metadata: PushMetadata())
        let back = try LocalStore(url: storeURL).pullEvaluation(name: "det").evaluation.state.metrics
        XCTAssertEqual(back.map(\.key), metrics.map(\.key))
        for ((key, value), (_, pushed)) in zip(back, metrics) {
            switch (value, pushed) {
            case (.number(let a), .number(let b)): XCTAssertEqual(a, b, key)
            case (.integer(let a), .integer(let b)): XCTAssertEqual(a, b, key)
            case (.string(let a), .string(let b)): XCTAssertEqual(a, b, key)
            case (.bool(let a), .bool(let b)): XCTAssertEqual(a, b, key)
            default: XCTFail("\(key): pushed \(pushed), pulled \(value)")
            }
        }
    }

    func testAVersionThatOnlyChangesAMetricAddsNoColumnData() throws {
        let sample = SampleEvaluation.make(images: 3000)
        try LocalStore(url: storeURL).push(name: "det", evaluation: evaluation(sample), metadata: PushMetadata())
        let first = try blobStats()
        let sizeAfterFirst = try fileSize()
        XCTAssertGreaterThan(sizeAfterFirst, 200_000, "the first version holds the boxes")
        do {
            let store = try LocalStore(url: storeURL)
            for i in 1...20 {
                try store.push(
                    name: "det", evaluation: evaluation(sample, metrics: [("note", .string("run \(i)"))]),
                    metadata: PushMetadata(message: "metric \(i)"))
            }
        }
        XCTAssertEqual(try blobStats().count, first.count, "no new blob")
        XCTAssertEqual(try blobStats().bytes, first.bytes)
        // 20 versions of metadata and column references: a few pages, not 20 copies of the boxes.
        XCTAssertLessThan(try fileSize() - sizeAfterFirst, 20 * 4096)
        // A rename changes one small column only.
        try LocalStore(url: storeURL).push(
            name: "det", evaluation: evaluation(sample, labels: ["people", "car", "dog"]), metadata: PushMetadata())
        XCTAssertEqual(try blobStats().count, first.count + 1)
        XCTAssertEqual(try LocalStore(url: storeURL).log(name: "det").map(\.number), Array(1...22))
    }

    func testForgetRemovesVersionsAndGivesTheSpaceBack() throws {
        let store = try LocalStore(url: storeURL)
        for seed in 1...3 {
            try store.push(
                name: "det", evaluation: evaluation(SampleEvaluation.make(images: 2000, seed: UInt64(seed))),
                metadata: PushMetadata(message: "v\(seed)"))
        }
        try store.push(name: "other", evaluation: evaluation(SampleEvaluation.make(images: 10)), metadata: PushMetadata())
        let before = store.fileBytes()
        let receipt = try store.forget(name: "det", version: 2)
        XCTAssertEqual(receipt.versions, [2])
        XCTAssertGreaterThan(receipt.reclaimedBytes, 0)
        XCTAssertLessThan(store.fileBytes(), before)
        XCTAssertEqual(try store.log(name: "det").map(\.message), ["v1", "v3"])
        XCTAssertThrowsError(try store.pullEvaluation(name: "det", version: 2)) {
            XCTAssertEqual($0 as? StoreError, .versionNotFound(name: "det", version: 2, latest: 3))
        }
        // Numbers are not reused.
        XCTAssertEqual(try store.push(name: "det", evaluation: evaluation(SampleEvaluation.make(images: 5)), metadata: PushMetadata()).number, 4)
        XCTAssertEqual(try store.forget(name: "det", version: nil).versions, [1, 3, 4])
        XCTAssertThrowsError(try store.log(name: "det"))
        XCTAssertEqual(try store.experiments().map(\.name), ["other"])
        let queue = try DatabaseQueue(path: storeURL.path)
        let unreferenced = try queue.read {
            try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM blob WHERE id NOT IN (SELECT blob_id FROM version_column)")
        }
        XCTAssertEqual(unreferenced, 0)
        XCTAssertThrowsError(try queue.write { try $0.execute(sql: "DELETE FROM version") })
        try queue.close()
        XCTAssertNotNil(try store.pullEvaluation(name: "other"))
    }

    func testADamagedColumnIsReportedAndNothingIsReturned() throws {
        let sample = SampleEvaluation.make(images: 500)
        try LocalStore(url: storeURL).push(name: "det", evaluation: evaluation(sample), metadata: PushMetadata())
        // Damage the scores' blob in place, as a bad disk would, behind SQLite's back.
        let queue = try DatabaseQueue(path: storeURL.path)
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        let scores = try queue.read { db in
            try Data.fetchOne(
                db, sql: "SELECT data FROM blob JOIN version_column ON blob_id = blob.id WHERE name = 'dt.score'")!
        }
        try queue.close()
        var bytes = try Data(contentsOf: storeURL)
        let at = try XCTUnwrap(bytes.range(of: scores.subdata(in: 40..<72))).lowerBound
        bytes[at] ^= 0xFF
        try bytes.write(to: storeURL)
        XCTAssertThrowsError(try LocalStore(url: storeURL, readOnly: true).pullEvaluation(name: "det")) { error in
            guard case .corruptDatabase(let path, let detail)? = error as? StoreError else {
                return XCTFail("expected corruptDatabase, got \(error)")
            }
            XCTAssertEqual(path, storeURL.path)
            XCTAssertEqual(detail, "store:det@1: the column dt.score cannot be read: its checksum does not match its bytes")
        }
        XCTAssertEqual(try Data(contentsOf: storeURL), bytes, "reading changed nothing")
    }

    func testATruncatedStoreFileIsReportedAndLeftAsItIs() throws {
        try LocalStore(url: storeURL).push(
            name: "det", evaluation: evaluation(SampleEvaluation.make(images: 500)), metadata: PushMetadata())
        let whole = try Data(contentsOf: storeURL)
        let cut = whole.prefix(whole.count / 2)
        try cut.write(to: storeURL)
        XCTAssertThrowsError(try LocalStore(url: storeURL, readOnly: true).pullEvaluation(name: "det")) { error in
            guard case .corruptDatabase(let path, _)? = error as? StoreError else {
                return XCTFail("expected corruptDatabase, got \(error)")
            }
            XCTAssertEqual(path, storeURL.path)
            XCTAssertTrue("\(error)".contains("is corrupt"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: storeURL), cut)
    }
}
