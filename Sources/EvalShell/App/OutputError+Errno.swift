import EvalQuery
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension OutputError {
    /// The error of `open(path)` failing with `code` (an `errno`).
    init(path: String, errno code: Int32) {
        let folder = Self.folder(of: path)
        let reason: Reason
        switch code {
        case ENOENT where !folder.isEmpty: reason = .missingFolder(folder)
        case ENOTDIR: reason = .notAFolder(folder)
        case EISDIR: reason = .isAFolder
        case EACCES: reason = .permissionDenied
        case ENXIO: reason = .notAFile
        default: reason = .other(String(cString: strerror(code)))
        }
        self.init(path: path, reason: reason)
    }

    /// What comes before the last `/` of `path` (`/` for a file at the root, empty for a bare
    /// name). Foundation's `deletingLastPathComponent` traps on a short bare name such as `d`.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
