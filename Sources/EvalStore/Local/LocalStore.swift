import Foundation
import GRDB

/// The embedded store: a SQLite database of experiments, each a history of pushed versions.
///
/// Versions only append (the schema's triggers refuse updates and deletes). A push runs in an
/// IMMEDIATE transaction that computes `MAX(number) + 1` under the write lock, and the database
/// is in WAL mode with a busy timeout, so concurrent pushes, from threads or processes, each get
/// their own version number.
public final class LocalStore: Sendable {
    public let url: URL
    private let pool: DatabasePool
    private let busyTimeout: TimeInterval

    /// `$XDG_DATA_HOME/evalsh/store.sqlite`, else `~/.local/share/evalsh/store.sqlite`.
    public static func defaultURL(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return URL(fileURLWithPath: dataHome).appendingPathComponent("evalsh/store.sqlite")
        }
        let home = environment["HOME"].map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return home.appendingPathComponent(".local/share/evalsh/store.sqlite")
    }

    /// Opens the store at `url`, creating it (and its directory) when absent.
    ///
    /// Throws, without writing to the file, when it is not a SQLite database, is another
    /// application's database, comes from a newer evalsh, or is corrupt.
    public init(url: URL = LocalStore.defaultURL(), busyTimeout: TimeInterval = 30) throws {
        self.url = url
        self.busyTimeout = busyTimeout
        pool = try Self.retryingWhileBusy(timeout: busyTimeout) { try Self.open(url, busyTimeout: busyTimeout) }
    }

    /// Some of SQLite's lock waits do not go through the busy handler (a journal-mode switch, a
    /// read upgraded to a write while another process creates the store): they fail at once
    /// with SQLITE_BUSY. Those are retried, with a short pause, until `timeout`.
    static func retryingWhileBusy<T>(timeout: TimeInterval, _ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            do {
                return try body()
            } catch StoreError.busy(let path, let detail) {
                guard Date() < deadline else { throw StoreError.busy(path: path, detail: detail) }
                usleep(useconds_t.random(in: 5_000...40_000))
            }
        }
    }

    private static func open(_ url: URL, busyTimeout: TimeInterval) throws -> DatabasePool {
        let path = url.path
        if try StoreFileInspector.inspect(url, busyTimeout: busyTimeout) == .absent {
            let directory = url.deletingLastPathComponent()
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw StoreError.cannotCreateDirectory(path: directory.path, detail: error.localizedDescription)
            }
        }
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "evalsh.store"
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in try StoreSchema.migrate(db, path: path) }
            return pool
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    /// Appends a version to experiment `name` (created on its first push) and returns it.
    @discardableResult
    public func push(name: String, documents: EvaluationDocuments, metadata: PushMetadata) throws -> StoredVersion {
        try documents.validate()
        let createdAt = Date()
        let editsJSON = try String(decoding: JSONEncoder().encode(metadata.edits), as: UTF8.self)
        let evaluationDigest = SHA256.hexDigest(documents.evaluation)
        let matrixDigest = documents.confusionMatrix.map(SHA256.hexDigest)
        let number: Int = try access { db in
            var number = 0
            try db.inTransaction(.immediate) {
                try db.execute(
                    sql: "INSERT INTO experiment (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    arguments: [name, createdAt])
                let experimentID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM experiment WHERE name = ?", arguments: [name])!
                number = try Int.fetchOne(
                    db, sql: "SELECT COALESCE(MAX(number), 0) + 1 FROM version WHERE experiment_id = ?",
                    arguments: [experimentID])!
                try db.execute(
                    sql: """
                        INSERT INTO version (experiment_id, number, created_at, message, edits, source,
                            evaluation, evaluation_sha256, confusion_matrix, confusion_matrix_sha256)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        experimentID, number, createdAt, metadata.message, editsJSON, metadata.source,
                        documents.evaluation, evaluationDigest, documents.confusionMatrix, matrixDigest,
                    ])
                return .commit
            }
            return number
        }
        return StoredVersion(
            experiment: name, number: number, createdAt: createdAt, message: metadata.message, edits: metadata.edits,
            source: metadata.source, evaluationSHA256: evaluationDigest, evaluationBytes: documents.evaluation.count,
            confusionMatrixBytes: documents.confusionMatrix?.count)
    }

    /// The documents of version `version` of `name`, or of its latest version when `nil`,
    /// checked against the SHA-256 recorded at push time.
    public func pull(name: String, version: Int? = nil) throws -> PulledEvaluation {
        let row: Row = try access { db in
            let experimentID = try self.experimentID(name, db)
            let latest = try Int.fetchOne(
                db, sql: "SELECT MAX(number) FROM version WHERE experiment_id = ?", arguments: [experimentID]) ?? 0
            let number = version ?? latest
            guard let row = try Row.fetchOne(
                db,
                sql: "SELECT \(Self.metadataColumns), evaluation, confusion_matrix, confusion_matrix_sha256 "
                    + "FROM version WHERE experiment_id = ? AND number = ?",
                arguments: [experimentID, number])
            else { throw StoreError.versionNotFound(name: name, version: number, latest: latest) }
            return row
        }
        let stored = try Self.storedVersion(row, experiment: name)
        let evaluation: Data = row["evaluation"]
        let matrix: Data? = row["confusion_matrix"]
        guard SHA256.hexDigest(evaluation) == stored.evaluationSHA256 else {
            throw StoreError.digestMismatch(name: name, version: stored.number, document: "evaluation")
        }
        if let matrix, SHA256.hexDigest(matrix) != row["confusion_matrix_sha256"] {
            throw StoreError.digestMismatch(name: name, version: stored.number, document: "confusion-matrix")
        }
        return PulledEvaluation(
            documents: EvaluationDocuments(evaluation: evaluation, confusionMatrix: matrix),
            origin: PushTarget.store(name: name, version: stored.number).description, version: stored)
    }

    /// Every version of `name`, oldest first.
    public func log(name: String) throws -> [StoredVersion] {
        let rows: [Row] = try access { db in
            let experimentID = try self.experimentID(name, db)
            return try Row.fetchAll(
                db, sql: "SELECT \(Self.metadataColumns) FROM version WHERE experiment_id = ? ORDER BY number",
                arguments: [experimentID])
        }
        return try rows.map { try Self.storedVersion($0, experiment: name) }
    }

    /// Every experiment that has at least one version, by name.
    public func experiments() throws -> [ExperimentSummary] {
        try access { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT experiment.name AS name, COUNT(*) AS count, MAX(version.created_at) AS last
                    FROM experiment JOIN version ON version.experiment_id = experiment.id
                    GROUP BY experiment.id ORDER BY experiment.name
                    """
            ).map { ExperimentSummary(name: $0["name"], versionCount: $0["count"], lastPushAt: $0["last"]) }
        }
    }

    private static let metadataColumns =
        "number, created_at, message, edits, source, evaluation_sha256, length(evaluation) AS evaluation_bytes, "
        + "length(confusion_matrix) AS confusion_matrix_bytes"

    private static func storedVersion(_ row: Row, experiment: String) throws -> StoredVersion {
        let editsJSON: String = row["edits"]
        let edits = (try? JSONDecoder().decode([String].self, from: Data(editsJSON.utf8))) ?? [editsJSON]
        return StoredVersion(
            experiment: experiment, number: row["number"], createdAt: row["created_at"], message: row["message"],
            edits: edits, source: row["source"], evaluationSHA256: row["evaluation_sha256"],
            evaluationBytes: row["evaluation_bytes"], confusionMatrixBytes: row["confusion_matrix_bytes"])
    }

    private func experimentID(_ name: String, _ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM experiment WHERE name = ?", arguments: [name])
        else { throw StoreError.experimentNotFound(name: name, path: url.path) }
        return id
    }

    /// Runs `body` on the writer connection (reads too, so they see the latest push of this
    /// process) and maps SQLite failures to `StoreError`.
    private func access<T>(_ body: (Database) throws -> T) throws -> T {
        try Self.retryingWhileBusy(timeout: busyTimeout) {
            do {
                return try pool.writeWithoutTransaction(body)
            } catch let error as DatabaseError {
                throw StoreError(error, path: url.path)
            }
        }
    }
}
