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
        let folder = (path as NSString).deletingLastPathComponent
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
}
