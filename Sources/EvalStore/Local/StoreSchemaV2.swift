import EvalFormats
import Foundation
import GRDB

/// Schema 2: versions hold whole evaluations as content-addressed column blobs.
///
/// - `blob`: one encoded column (`ColumnBlob`), keyed by the SHA-256 of its bytes, stored once
///   however many versions use it;
/// - `version_column`: which blob each column of a version is;
/// - `version`: metadata, the state that is not a column (operating point, metrics) and the
///   figures `log` lists; a payload-only version's two logs are its columns
///   `payload.evaluation` and `payload.confusion_matrix`;
/// - `experiment.last_number`: numbers are never reused, even after `forget`;
/// - `forget_permit`: a version is deleted only by `forget`, which lists it there first.
enum StoreSchemaV2 {
    static let createTables = """
        CREATE TABLE version (
            id INTEGER PRIMARY KEY,
            experiment_id INTEGER NOT NULL REFERENCES experiment(id),
            number INTEGER NOT NULL CHECK (number >= 1),
            created_at TEXT NOT NULL,
            message TEXT,
            edits TEXT NOT NULL,
            source TEXT,
            kind TEXT NOT NULL CHECK (kind IN ('boxes', 'payload')),
            iou REAL,
            confidence REAL,
            metrics TEXT,
            image_count INTEGER,
            ap REAL,
            ap50 REAL,
            precision REAL,
            recall REAL,
            f1 REAL,
            evaluation_sha256 TEXT,
            evaluation_bytes INTEGER,
            confusion_matrix_bytes INTEGER,
            UNIQUE (experiment_id, number)
        );
        CREATE TABLE blob (
            id INTEGER PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            data BLOB NOT NULL
        );
        CREATE TABLE version_column (
            version_id INTEGER NOT NULL REFERENCES version(id),
            name TEXT NOT NULL,
            blob_id INTEGER NOT NULL REFERENCES blob(id),
            PRIMARY KEY (version_id, name)
        ) WITHOUT ROWID;
        CREATE INDEX version_column_blob ON version_column(blob_id);
        CREATE TABLE forget_permit (version_id INTEGER PRIMARY KEY);
        CREATE TRIGGER version_is_never_modified BEFORE UPDATE ON version
        BEGIN SELECT RAISE(ABORT, 'stored versions are never modified'); END;
        CREATE TRIGGER version_is_removed_only_by_forget BEFORE DELETE ON version
        WHEN NOT EXISTS (SELECT 1 FROM forget_permit WHERE version_id = OLD.id)
        BEGIN SELECT RAISE(ABORT, 'stored versions are removed only by forget'); END;
        """

    /// Rebuilds the version table; schema-1 versions become payload-only versions whose logs
    /// move to blobs, with their figures read from the logs.
    static func keepWholeEvaluations(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP TRIGGER version_is_append_only_update;
                DROP TRIGGER version_is_append_only_delete;
                ALTER TABLE version RENAME TO version_v1;
                ALTER TABLE experiment ADD COLUMN last_number INTEGER NOT NULL DEFAULT 0;
                UPDATE experiment SET last_number =
                    (SELECT COALESCE(MAX(number), 0) FROM version_v1 WHERE experiment_id = experiment.id);
                """)
        try db.execute(sql: createTables)
        let rows = try Row.fetchCursor(
            db, sql: "SELECT id, experiment_id, number, created_at, message, edits, source, evaluation, "
                + "evaluation_sha256, confusion_matrix FROM version_v1 ORDER BY id")
        while let row = try rows.next() {
            let evaluation: Data = row["evaluation"]
            let matrix: Data? = row["confusion_matrix"]
            let summary = PayloadSummary.of(evaluation)
            try VersionRows.insertVersion(
                db, id: row["id"], experimentID: row["experiment_id"], number: row["number"],
                createdAt: row["created_at"], message: row["message"], editsJSON: row["edits"], source: row["source"],
                kind: .payload, metricsJSON: nil, summary: summary,
                payload: (row["evaluation_sha256"], evaluation.count, matrix?.count))
            var columns: [(String, ColumnValues)] = [("payload.evaluation", .bytes(evaluation))]
            if let matrix { columns.append(("payload.confusion_matrix", .bytes(matrix))) }
            try VersionRows.insertColumns(db, versionID: row["id"], columns: columns)
        }
        try db.execute(sql: "DROP TABLE version_v1")
    }
}
