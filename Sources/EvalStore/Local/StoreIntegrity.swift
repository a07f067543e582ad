import GRDB

/// SQLite's own check of a store file (`PRAGMA quick_check`: every page, b-tree and record
/// well-formed), run before a migration or `forget` rewrites the file.
enum StoreIntegrity {
    static func check(_ db: Database, path: String) throws {
        let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(5)")
        guard problems != ["ok"] else { return }
        throw StoreError.corruptDatabase(
            path: path, detail: "the integrity check reports: " + problems.joined(separator: "; "))
    }
}
