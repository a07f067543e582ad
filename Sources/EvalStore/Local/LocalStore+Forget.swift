import Foundation
import GRDB

/// What `forget` removed.
public struct ForgetReceipt: Equatable, Sendable {
    public var versions: [Int]
    /// How much smaller the store file (with its write-ahead log) is afterwards.
    public var reclaimedBytes: Int
}

extension LocalStore {
    /// Removes version `version` of `name`, or every version of it (and the experiment) when `nil`,
    /// then the blobs no version refers to any more, and gives their space back to the file
    /// system (`VACUUM`). The store is integrity-checked first; a damaged one is left as it is.
    public func forget(name: String, version: Int?) throws(StoreError) -> ForgetReceipt {
        let before = fileBytes()
        let removed: [Int] = try access { db in
            try StoreIntegrity.check(db, path: url.path)
            var numbers: [Int] = []
            try db.inTransaction(.immediate) {
                let experimentID = try self.experimentID(name, db)
                let rows = try Row.fetchAll(
                    db, sql: "SELECT id, number FROM version WHERE experiment_id = ? ORDER BY number",
                    arguments: [experimentID])
                let chosen = rows.filter { version == nil || $0["number"] == version }
                if let version, chosen.isEmpty {
                    throw StoreError.versionNotFound(name: name, version: version, latest: rows.last?["number"] ?? 0)
                }
                for row in chosen {
                    let id: Int64 = row["id"]
                    try db.execute(sql: "INSERT INTO forget_permit (version_id) VALUES (?)", arguments: [id])
                    try db.execute(sql: "DELETE FROM version_column WHERE version_id = ?", arguments: [id])
                    try db.execute(sql: "DELETE FROM version WHERE id = ?", arguments: [id])
                    numbers.append(row["number"])
                }
                try db.execute(sql: "DELETE FROM forget_permit")
                if version == nil {
                    try db.execute(sql: "DELETE FROM experiment WHERE id = ?", arguments: [experimentID])
                }
                try db.execute(sql: "DELETE FROM blob WHERE id NOT IN (SELECT blob_id FROM version_column)")
                return .commit
            }
            try db.execute(sql: "VACUUM")
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
            return numbers
        }
        return ForgetReceipt(versions: removed, reclaimedBytes: max(0, before - fileBytes()))
    }

    /// The store file and its write-ahead log, in bytes.
    public func fileBytes() -> Int {
        [url.path, url.path + "-wal"].reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0)
        }
    }
}
