import EvalFormats
import Foundation
import GRDB

/// The embedded store: a SQLite database of experiments, each a history of pushed versions.
///
/// A version is never modified, and removed only by `forget` (the schema's triggers refuse the
/// rest). A push runs in an IMMEDIATE transaction that takes the experiment's next number under
/// the write lock, and the database
/// is in WAL mode with a busy timeout, so concurrent pushes, from threads or processes, each get
/// their own version number.
public final class LocalStore: Sendable {
    public let url: URL
    /// A pool (reads and writes), or for a read-only store a read-only connection.
    private let pool: any DatabaseWriter
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
    /// application's database, comes from a newer evalsh, or is corrupt. `readOnly` (for pull,
    /// log and experiments) opens an existing store of the current schema without writing to
    /// it at all, so that reading a damaged store leaves it byte for byte as it was; a store of
    /// an older schema is still migrated first.
    public init(url: URL = LocalStore.defaultURL(), busyTimeout: TimeInterval = 30, readOnly: Bool = false)
        throws(StoreError)
    {
        self.url = url
        self.busyTimeout = busyTimeout
        do {
            pool = try Self.retryingWhileBusy(timeout: busyTimeout) {
                if readOnly, let reader = try Self.openCurrentReadOnly(url, busyTimeout: busyTimeout) { return reader }
                return try Self.open(url, busyTimeout: busyTimeout)
            }
        } catch {
            throw .caught(error, store: url.path)
        }
    }

    /// A read-only connection to an existing store of the latest schema; nil otherwise.
    private static func openCurrentReadOnly(_ url: URL, busyTimeout: TimeInterval) throws -> DatabaseQueue? {
        guard try StoreFileInspector.inspect(url, busyTimeout: busyTimeout) == .usable else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "evalsh.store.read"
        do {
            let queue = try DatabaseQueue(path: url.path, configuration: configuration)
            let version = try queue.read { try Int32.fetchOne($0, sql: "PRAGMA user_version") ?? 0 }
            guard version == StoreSchema.latestVersion else {
                try queue.close()
                return nil
            }
            return queue
        } catch let error as DatabaseError {
            throw StoreError(error, path: url.path)
        }
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
        // A version's columns are megabytes of blobs, read as chains of overflow pages, one `pread`
        // a page: 32 KiB pages read a version in an eighth of the calls of SQLite's 4 KiB (4,300
        // calls, a third of a 5,000-image pull, become 540), for a small version's row taking a
        // page of 32 KiB. SQLite applies it to a database without tables only: a new store.
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 32768") }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration)
            try pool.writeWithoutTransaction { db in try StoreSchema.migrate(db, path: path) }
            return pool
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }

    /// Appends a payload-only version (the two logs of an evaluation without boxes) to
    /// experiment `name` (created on its first push) and returns it.
    @discardableResult
    public func push(name: String, documents: EvaluationDocuments, metadata: PushMetadata) throws(StoreError)
        -> StoredVersion
    {
        try documents.validate()
        let evaluation = StoredEvaluation(
            content: .payload(documents), state: StoredState(point: .seedDefault, metrics: [], excluded: [], labels: []),
            summary: PayloadSummary.of(documents.evaluation))
        return try push(name: name, evaluation: evaluation, metadata: metadata)
    }

    /// Appends a version holding `evaluation` to experiment `name` (created on its first push).
    ///
    /// Columns are encoded before the write lock is taken; those already stored (by any version
    /// of any experiment) are referred to, not copied.
    @discardableResult
    public func push(name: String, evaluation: StoredEvaluation, metadata: PushMetadata) throws(StoreError)
        -> StoredVersion
    {
        let createdAt = Date()
        let editsJSON: String
        do {
            editsJSON = String(decoding: try JSONEncoder().encode(metadata.edits), as: UTF8.self)
        } catch {
            throw .caught(error, store: url.path)
        }
        let kind: StoredVersion.Kind
        let columns: [(String, ColumnValues)]
        var payload: (sha256: String, bytes: Int, matrixBytes: Int?)?
        var metricsJSON: String?
        var summary = evaluation.summary
        switch evaluation.content {
        case .boxes(let groundTruth, let detections):
            kind = .boxes
            summary.point = evaluation.state.point
            columns = EvaluationColumns.columns(groundTruth, detections, evaluation.state)
            metricsJSON = JSONWriter().string(.object(evaluation.state.metrics))
        case .payload(let documents):
            try documents.validate()
            kind = .payload
            columns = [("payload.evaluation", .bytes(documents.evaluation))]
                + (documents.confusionMatrix.map { [("payload.confusion_matrix", .bytes($0))] } ?? [])
            payload = (SHA256.hexDigest(documents.evaluation), documents.evaluation.count, documents.confusionMatrix?.count)
        }
        let blobs = Self.encode(columns)
        let (number, versionID): (Int, Int64) = try access { db in
            var result: (Int, Int64) = (0, 0)
            try db.inTransaction(.immediate) {
                try db.execute(
                    sql: "INSERT INTO experiment (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                    arguments: [name, createdAt])
                let experimentID = try Int64.fetchOne(
                    db, sql: "SELECT id FROM experiment WHERE name = ?", arguments: [name])!
                try db.execute(
                    sql: "UPDATE experiment SET last_number = last_number + 1 WHERE id = ?", arguments: [experimentID])
                let number = try Int.fetchOne(
                    db, sql: "SELECT last_number FROM experiment WHERE id = ?", arguments: [experimentID])!
                try VersionRows.insertVersion(
                    db, id: nil, experimentID: experimentID, number: number, createdAt: createdAt,
                    message: metadata.message, editsJSON: editsJSON, source: metadata.source, kind: kind,
                    metricsJSON: metricsJSON, summary: summary, payload: payload)
                let versionID = db.lastInsertedRowID
                try VersionRows.insertEncoded(db, versionID: versionID, blobs: blobs)
                result = (number, versionID)
                return .commit
            }
            return result
        }
        let stored: Row? = try access { db in
            try Row.fetchOne(
                db, sql: "SELECT \(VersionRows.metadataColumns) FROM version WHERE id = ?", arguments: [versionID])
        }
        guard let stored, stored["number"] as Int == number else {
            throw StoreError.databaseFailure(path: url.path, detail: "version \(number) of \(name) vanished after its push")
        }
        return VersionRows.storedVersion(stored, experiment: name)
    }

    /// Encodes the columns, on both cores for a large evaluation.
    private static func encode(_ columns: [(String, ColumnValues)]) -> [(String, Data)] {
        let slots = EncodedSlots(count: columns.count)
        DispatchQueue.concurrentPerform(iterations: columns.count) { i in
            slots.set(i, ColumnBlob.encode(columns[i].1))
        }
        return zip(columns, slots.values).map { ($0.0, $1!) }
    }

    func experimentID(_ name: String, _ db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM experiment WHERE name = ?", arguments: [name])
        else { throw StoreError.experimentNotFound(name: name, path: url.path) }
        return id
    }

    /// Runs `body` on the writer connection (reads too, so they see the latest push of this
    /// process) and maps whatever it throws to `StoreError`.
    func access<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
        do {
            return try Self.retryingWhileBusy(timeout: busyTimeout) {
                do {
                    return try pool.writeWithoutTransaction(body)
                } catch let error as DatabaseError {
                    throw StoreError(error, path: url.path)
                }
            }
        } catch {
            throw .caught(error, store: url.path)
        }
    }
}

/// One slot per column, filled from several threads.
private final class EncodedSlots: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Data?]

    init(count: Int) { values = [Data?](repeating: nil, count: count) }

    func set(_ index: Int, _ data: Data) {
        lock.lock()
        values[index] = data
        lock.unlock()
    }
}
