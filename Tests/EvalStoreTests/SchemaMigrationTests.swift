import Foundation
import GRDB
import XCTest

@testable import EvalStore

/// A store written by evalsh 0.1.0 (schema 1: each version holds the two logs as JSON) opens,
/// is migrated to schema 2 and keeps its history; its versions become payload-only versions.
final class SchemaMigrationTests: XCTestCase {
    /// Schema 1 as evalsh 0.1.0 created it (its StoreSchema.createExperimentsAndVersions).
    private static let schemaOne = """
        CREATE TABLE experiment (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);
        CREATE TABLE version (
            id INTEGER PRIMARY KEY, experiment_id INTEGER NOT NULL REFERENCES experiment(id),
            number INTEGER NOT NULL CHECK (number >= 1), created_at TEXT NOT NULL, message TEXT, edits TEXT NOT NULL,
            source TEXT, evaluation BLOB NOT NULL, evaluation_sha256 TEXT NOT NULL, confusion_matrix BLOB,
            confusion_matrix_sha256 TEXT, UNIQUE (experiment_id, number));
        CREATE TRIGGER version_is_append_only_update BEFORE UPDATE ON version
        BEGIN SELECT RAISE(ABORT, 'stored versions are never modified'); END;
        CREATE TRIGGER version_is_append_only_delete BEFORE DELETE ON version
        BEGIN SELECT RAISE(ABORT, 'stored versions are never deleted'); END;
        PRAGMA application_id = 1165382504;
        PRAGMA user_version = 1;
        """

    /// A payload of two images; by hand: TP 3, FP 1, FN 2 → precision 0.75, recall 0.6, F1 2/3.
    private static let payload = """
        {"categories": ["1", "2"], "labels": ["car", "dog"], "total_objects": [3.0, 1.0],
         "per_image_eval": [
           {"filename": "a.jpg", "nb_objects": [2.0, 1.0], "nb_preds": [2.0, 1.0], "TP": [2.0, 0.0], "FP": [0.0, 1.0],
            "FN": [0.0, 1.0], "bbox": [[0.1, 0.1, 0.2, 0.2], [0.3, 0.3, 0.4, 0.4], [0.5, 0.5, 0.6, 0.6]], "classes": [1, 1, 2]},
           {"filename": "b.jpg", "nb_objects": [2.0, 0.0], "nb_preds": [1.0, 0.0], "TP": [1.0, 0.0], "FP": [0.0, 0.0],
            "FN": [1.0, 0.0], "bbox": [[0.1, 0.1, 0.2, 0.2]], "classes": [1]}],
         "filename_matrix": [[["a.jpg", "b.jpg"], [], ["b.jpg"]], [[], [], ["a.jpg"]], [[], ["a.jpg"], []]],
         "metrics": {"iou": 0.5, "confidence": 0.4, "AP": 0.31, "AP50": 0.62}}
        """

    func testAStoreOfSchemaOneIsMigratedAndKeepsItsHistory() throws {
        let url = try makeTemporaryDirectory(for: self).appendingPathComponent("store.sqlite")
        let queue = try DatabaseQueue(path: url.path)
        let matrix = Data(#"{"categories": ["car", "dog"], "values": [[3, 0, 1], [0, 0, 1], [0, 1, 0]]}"#.utf8)
        try queue.write { db in
            try db.execute(sql: Self.schemaOne)
            try db.execute(sql: "INSERT INTO experiment VALUES (1, 'det', '2026-11-30 10:00:00.000')")
            for number in 1...2 {
                let evaluation = Data(Self.payload.utf8)
                try db.execute(
                    sql: "INSERT INTO version (experiment_id, number, created_at, message, edits, source, evaluation, "
                        + "evaluation_sha256, confusion_matrix, confusion_matrix_sha256) VALUES (1, ?, ?, ?, ?, 'evalsh', ?, ?, ?, ?)",
                    arguments: [
                        number, "2026-11-30 10:0\(number):00.000", "push \(number)", #"["metric iou=0.5: x"]"#, evaluation,
                        SHA256.hexDigest(evaluation), number == 1 ? matrix : nil, number == 1 ? SHA256.hexDigest(matrix) : nil,
                    ])
            }
        }
        try queue.close()

        let store = try LocalStore(url: url)
        let log = try store.log(name: "det")
        XCTAssertEqual(log.map(\.number), [1, 2])
        XCTAssertEqual(log.map(\.message), ["push 1", "push 2"])
        XCTAssertEqual(log[0].edits, ["metric iou=0.5: x"])
        XCTAssertEqual(log.map(\.kind), [.payload, .payload])
        let summary = log[0].summary
        XCTAssertEqual(summary.point?.iou, 0.5)
        XCTAssertEqual(summary.point?.confidence, 0.4)
        XCTAssertEqual(summary.ap, 0.31)
        XCTAssertEqual(summary.ap50, 0.62)
        XCTAssertEqual(summary.imageCount, 2)
        XCTAssertEqual(summary.precision, 0.75)
        XCTAssertEqual(summary.recall, 0.6)
        XCTAssertEqual(try XCTUnwrap(summary.f1), 2.0 / 3.0, accuracy: 1e-15)

        let first = try store.pull(name: "det", version: 1)
        XCTAssertEqual(first.documents.evaluation, Data(Self.payload.utf8))
        XCTAssertEqual(first.documents.confusionMatrix, matrix)
        XCTAssertNil(try store.pull(name: "det").documents.confusionMatrix)
        XCTAssertEqual(try store.push(name: "det", documents: SampleDocuments.make("x"), metadata: PushMetadata()).number, 3)

        let check = try DatabaseQueue(path: url.path)
        XCTAssertEqual(try check.read { try Int.fetchOne($0, sql: "PRAGMA user_version") }, 2)
        XCTAssertEqual(try check.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'version_v1'") }, 0)
        // The two versions' identical evaluation logs are stored once: that log, version 1's
        // matrix and version 3's two logs.
        XCTAssertEqual(try check.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM blob") }, 4)
        try check.close()
    }
}
