import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why `output FILE` cannot write FILE, said in the user's terms: a missing folder is named
/// as such rather than reported as a permission problem.
struct OutputFileError: LocalizedError, Equatable {
    let path: String
    let code: Int32

    /// The error of `open(path)` failing with `code` (an `errno`).
    init(path: String, code: Int32) {
        self.path = path
        self.code = code
    }

    var errorDescription: String? {
        let folder = (path as NSString).deletingLastPathComponent
        switch code {
        case ENOENT where !folder.isEmpty: return "no folder \(folder)"
        case ENOTDIR: return "\(folder) is not a folder"
        case EISDIR: return "it is a folder"
        case EACCES: return "permission denied"
        case ENXIO: return "it is a FIFO or a socket, not a file (results are written to files or devices)"
        default: return String(cString: strerror(code))
        }
    }
}
