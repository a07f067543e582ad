/// Why results or a file could not be written, said in the user's terms: a missing folder is
/// named as such rather than reported as a permission problem.
public struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable {
        /// The folder the file would go in does not exist.
        case missingFolder(String)
        /// A part of the path that should be a folder is a file.
        case notAFolder(String)
        /// The path names a folder.
        case isAFolder
        case permissionDenied
        /// The path names a FIFO or a socket (opening one could block).
        case notAFile
        /// Opened, then a write failed (a full disk, a closed pipe), in the system's words.
        case writeFailed(String)
        /// Anything else, in the system's or the writer's words.
        case other(String)
    }

    /// The file as the statement named it; nil for standard output.
    public var path: String?
    public var reason: Reason

    public init(path: String?, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    public var description: String {
        if case .writeFailed = reason { return "cannot write to \(path ?? "standard output"): \(reasonText)" }
        return "cannot write \(path ?? "to standard output"): \(reasonText)"
    }

    /// The reason alone, after the path.
    public var reasonText: String {
        switch reason {
        case .missingFolder(let folder): return "no folder \(folder)"
        case .notAFolder(let folder): return "\(folder) is not a folder"
        case .isAFolder: return "it is a folder"
        case .permissionDenied: return "permission denied"
        case .notAFile: return "it is a FIFO or a socket, not a file (results are written to files or devices)"
        case .writeFailed(let text), .other(let text): return text
        }
    }
}
