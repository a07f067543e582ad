import GRDB

/// The local store's schema and the migrations that build it, keyed on `PRAGMA user_version`.
///
/// Not GRDB's `DatabaseMigrator`: that one reads the applied migrations outside of a write
/// lock, so two processes creating the same store at once would both run the first migration.
/// Here the check and every step run in one IMMEDIATE transaction, so a second process waits
/// and then finds the schema in place.
enum StoreSchema {
    /// `PRAGMA application_id` of every evalsh store ("EvSh" in ASCII).
    static let applicationID: Int32 = 0x4576_5368

    /// Migration `i` takes the schema from version `i` to `i + 1`.
    private static let migrations: [@Sendable (Database) throws -> Void] = [
        createExperimentsAndVersions, StoreSchemaV2.keepWholeEvaluations,
    ]

    static var latestVersion: Int32 { Int32(migrations.count) }

    /// Brings the database to the latest schema, refusing a database that is not ours.
    static func migrate(_ db: Database, path: String) throws {
        try db.inTransaction(.immediate) {
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let userVersion = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let isFresh = applicationID == 0 && userVersion == 0
            guard isFresh || applicationID == Self.applicationID else {
                throw StoreError.foreignDatabase(path: path, applicationID: applicationID)
            }
            if isFresh, try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") != 0 {
                throw StoreError.foreignDatabase(path: path, applicationID: applicationID)
            }
            guard userVersion <= latestVersion else {
                throw StoreError.newerSchema(path: path, found: userVersion, supported: latestVersion)
            }
            guard userVersion < latestVersion else { return .commit }
            // A store about to be migrated is checked whole first: a damaged one is reported, not rewritten.
            if !isFresh { try StoreIntegrity.check(db, path: path) }
            for step in Int(userVersion)..<migrations.count { try migrations[step](db) }
            try db.execute(sql: "PRAGMA application_id = \(Self.applicationID)")
            try db.execute(sql: "PRAGMA user_version = \(latestVersion)")
            return .commit
        }
    }

    /// Schema 1, as evalsh 0.1.0 wrote it: each version holds the two Picsellia logs as JSON.
    private static func createExperimentsAndVersions(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE experiment (
                    id INTEGER PRIMARY KEY,
                    name TEXT NOT NULL UNIQUE,
                    created_at TEXT NOT NULL
                );
                CREATE TABLE version (
                    id INTEGER PRIMARY KEY,
                    experiment_id INTEGER NOT NULL REFERENCES experiment(id),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    created_at TEXT NOT NULL,
                    message TEXT,
                    edits TEXT NOT NULL,
                    source TEXT,
                    evaluation BLOB NOT NULL,
                    evaluation_sha256 TEXT NOT NULL,
                    confusion_matrix BLOB,
                    confusion_matrix_sha256 TEXT,
                    UNIQUE (experiment_id, number)
                );
                CREATE TRIGGER version_is_append_only_update BEFORE UPDATE ON version
                BEGIN SELECT RAISE(ABORT, 'stored versions are never modified'); END;
                CREATE TRIGGER version_is_append_only_delete BEFORE DELETE ON version
                BEGIN SELECT RAISE(ABORT, 'stored versions are never deleted'); END;
                """)
    }
}
