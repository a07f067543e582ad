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

    /// Whatever stopped an operation on the store at `path`, as the store reports it: a
    /// `StoreError` as it is, a SQLite failure mapped as above, anything else (an encoder's, the
    /// file system's) a `databaseFailure` quoting it.
    static func caught(_ error: any Error, store path: String) -> StoreError {
        switch error {
        case let error as StoreError: return error
        case let error as DatabaseError: return StoreError(error, path: path)
        default: return .databaseFailure(path: path, detail: "\(error)")
        }
    }
}
