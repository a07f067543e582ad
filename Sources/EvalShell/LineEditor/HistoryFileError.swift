/// Why the history file could not be read or written. History problems never stop the
/// shell; the REPL reports them once and carries on without persistence.
public enum HistoryFileError: Error, Equatable, CustomStringConvertible {
    /// Neither `XDG_STATE_HOME` nor `HOME` is set, so there is nowhere to keep history.
    case noStateDirectory
    case cannotCreateDirectory(path: String, reason: String)
    case cannotOpen(path: String, reason: String)
    case cannotRead(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .noStateDirectory:
            return "history is not saved: neither XDG_STATE_HOME nor HOME is set"
        case .cannotCreateDirectory(let path, let reason):
            return "cannot create history directory \(path): \(reason)"
        case .cannotOpen(let path, let reason):
            return "cannot open history file \(path): \(reason)"
        case .cannotRead(let path, let reason):
            return "cannot read history file \(path): \(reason)"
        case .cannotWrite(let path, let reason):
            return "cannot write history file \(path): \(reason)"
        }
    }
}
