import Foundation
import GRDB

/// Decides, before anything may write to it, whether a path can hold the local store.
///
/// Opening a foreign database with a `DatabasePool` would already change it (the switch to
/// WAL rewrites its header), so the file is first checked by reading its first bytes, then
/// through a read-only connection.
enum StoreFileInspector {
    enum Verdict: Equatable {
        /// No file, or an empty one: the store is created there.
        case absent
        /// A SQLite database that is ours or holds nothing yet.
        case usable
    }

    private static let sqliteMagic = Array("SQLite format 3\0".utf8)
    private static let headerSize = 100

    static func inspect(_ url: URL, busyTimeout: TimeInterval) throws -> Verdict {
        let path = url.path
        // Before any open: a FIFO would block it, a folder or a device cannot hold a store.
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR:
                throw StoreError.databaseFailure(
                    path: path, detail: "it is a folder; --store names the store's file (for example \(path)/store.sqlite)")
            default:
                throw StoreError.databaseFailure(path: path, detail: "not a regular file (a FIFO, socket or device); --store names a file")
            }
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            if FileManager.default.fileExists(atPath: path) {
                throw StoreError.databaseFailure(path: path, detail: "the file cannot be opened for reading")
            }
            return .absent
        }
        let header: Data
        do {
            defer { try? handle.close() }
            header = try handle.read(upToCount: headerSize) ?? Data()
        } catch {
            throw StoreError.databaseFailure(path: path, detail: "cannot read the file: \(error)")
        }
        if header.isEmpty { return .absent }
        guard header.starts(with: sqliteMagic) else { throw StoreError.notASQLiteDatabase(path: path) }
        guard header.count == headerSize else {
            throw StoreError.corruptDatabase(path: path, detail: "the file ends inside the SQLite header")
        }
        try checkLength(header, path: path)
        try checkIdentity(path: path, busyTimeout: busyTimeout)
        return .usable
    }

    /// A file shorter than the pages its header counts was cut (a copy stopped short, a full
    /// disk): refused before SQLite reads past its end. The count is only trusted when the header
    /// says it is current (bytes 92..<96 equal to the change counter at 24..<28).
    private static func checkLength(_ header: Data, path: String) throws {
        let bytes = [UInt8](header)
        func bigEndian(_ range: Range<Int>) -> Int { bytes[range].reduce(0) { $0 << 8 | Int($1) } }
        let rawPageSize = bigEndian(16..<18)
        let pageSize = rawPageSize == 1 ? 65536 : rawPageSize
        let pageCount = bigEndian(28..<32)
        guard bigEndian(24..<28) == bigEndian(92..<96), pageCount > 0 else { return }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size < pageCount * pageSize else { return }
        throw StoreError.corruptDatabase(
            path: path, detail: "the file holds \(size) bytes but its header counts \(pageCount) pages of \(pageSize): it was cut short")
    }

    private static func checkIdentity(path: String, busyTimeout: TimeInterval) throws {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            try queue.read { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let userVersion = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let objectCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                if applicationID == StoreSchema.applicationID {
                    guard userVersion <= StoreSchema.latestVersion else {
                        throw StoreError.newerSchema(
                            path: path, found: userVersion, supported: StoreSchema.latestVersion)
                    }
                } else if applicationID != 0 || userVersion != 0 || objectCount != 0 {
                    throw StoreError.foreignDatabase(path: path, applicationID: applicationID)
                }
            }
        } catch let error as DatabaseError {
            throw StoreError(error, path: path)
        }
    }
}
