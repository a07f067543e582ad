import EvalCore
import Foundation
import GRDB

/// The SQL that writes and reads version rows and their columns, shared by pushes and the
/// schema-2 migration.
enum VersionRows {
    static func insertVersion(
        _ db: Database, id: Int64?, experimentID: Int64, number: Int, createdAt: Date, message: String?,
        editsJSON: String, source: String?, kind: StoredVersion.Kind, metricsJSON: String?, summary: VersionSummary,
        payload: (sha256: String, bytes: Int, matrixBytes: Int?)?
    ) throws {
        try db.execute(
            sql: """
                INSERT INTO version (id, experiment_id, number, created_at, message, edits, source, kind, iou,
                    confidence, metrics, image_count, ap, ap50, precision, recall, f1, evaluation_sha256,
                    evaluation_bytes, confusion_matrix_bytes)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, experimentID, number, createdAt, message, editsJSON, source, kind.rawValue, summary.point?.iou,
                summary.point?.confidence, metricsJSON, summary.imageCount, summary.ap, summary.ap50,
                summary.precision, summary.recall, summary.f1, payload?.sha256, payload?.bytes, payload?.matrixBytes,
            ])
    }

    /// Encodes each column, stores the blobs not yet stored, and links them to the version.
    static func insertColumns(_ db: Database, versionID: Int64, columns: [(String, ColumnValues)]) throws {
        try insertEncoded(db, versionID: versionID, blobs: columns.map { ($0.0, ColumnBlob.encode($0.1)) })
    }

    static func insertEncoded(_ db: Database, versionID: Int64, blobs: [(String, Data)]) throws {
        for (name, data) in blobs {
            let digest = SHA256.hexDigest(data)
            var blobID = try Int64.fetchOne(db, sql: "SELECT id FROM blob WHERE sha256 = ?", arguments: [digest])
            if blobID == nil {
                try db.execute(sql: "INSERT INTO blob (sha256, data) VALUES (?, ?)", arguments: [digest, data])
                blobID = db.lastInsertedRowID
            }
            try db.execute(
                sql: "INSERT INTO version_column (version_id, name, blob_id) VALUES (?, ?, ?)",
                arguments: [versionID, name, blobID])
        }
    }

    /// The metadata columns `storedVersion` reads.
    static let metadataColumns = """
        version.id AS id, version.number AS number, version.created_at AS created_at, version.message AS
        message, version.edits AS edits, version.source AS source, version.kind AS kind, version.iou AS iou,
        version.confidence AS confidence, version.image_count AS image_count, version.ap AS ap, version.ap50
        AS ap50, version.precision AS precision, version.recall AS recall, version.f1 AS f1,
        version.evaluation_sha256 AS evaluation_sha256, version.evaluation_bytes AS evaluation_bytes,
        version.confusion_matrix_bytes AS confusion_matrix_bytes,
        (SELECT COALESCE(SUM(length(blob.data)), 0) FROM version_column JOIN blob ON blob.id = version_column.blob_id
            WHERE version_column.version_id = version.id) AS stored_bytes
        """

    static func storedVersion(_ row: Row, experiment: String) -> StoredVersion {
        let editsJSON: String = row["edits"]
        let edits = (try? JSONDecoder().decode([String].self, from: Data(editsJSON.utf8))) ?? [editsJSON]
        let iou: Double? = row["iou"]
        let confidence: Double? = row["confidence"]
        let summary = VersionSummary(
            point: iou.flatMap { iou in confidence.map { OperatingPoint(iou: iou, confidence: $0) } },
            imageCount: row["image_count"], ap: row["ap"], ap50: row["ap50"], precision: row["precision"],
            recall: row["recall"], f1: row["f1"])
        return StoredVersion(
            experiment: experiment, number: row["number"], createdAt: row["created_at"], message: row["message"],
            edits: edits, source: row["source"], kind: StoredVersion.Kind(rawValue: row["kind"]) ?? .payload,
            summary: summary, storedBytes: row["stored_bytes"], evaluationSHA256: row["evaluation_sha256"],
            evaluationBytes: row["evaluation_bytes"], confusionMatrixBytes: row["confusion_matrix_bytes"])
    }
}
