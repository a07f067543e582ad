import GRDB

extension StoreError {
    /// Maps a SQLite failure on the store at `path`, telling corruption apart from other faults.
    init(_ error: DatabaseError, path: String) {
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            self = .corruptDatabase(path: path, detail: detail)
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            self = .busy(path: path, detail: detail)
        default:
            self = .databaseFailure(path: path, detail: detail)
        }
    }
}
