#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder written whole or not at all: files go to `PATH.tmp-evalsh`, renamed to `PATH` at
/// the end; `PATH` must not exist yet (an export never mixes with older files).
struct ExportFolder {
    let final: String
    let root: String
    private(set) var files = 0

    init(_ path: String) throws(FormatError) {
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        final = trimmed
        root = trimmed + ".tmp-evalsh"
        var info = stat()
        guard stat(final, &info) != 0 else {
            throw .unwritable(file: final, reason: "exists already; export writes a new folder")
        }
        try? ExportFolder.remove(root)
        try makeDirectory("")
    }

    func makeDirectory(_ relative: String) throws(FormatError) {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
            throw .unwritable(file: path, reason: String(cString: strerror(errno)))
        }
    }

    mutating func write(_ relative: String, _ bytes: [UInt8]) throws(FormatError) {
        let path = root + "/" + relative
        guard let file = fopen(path, "wb") else { throw .unwritable(file: path, reason: String(cString: strerror(errno))) }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        guard fclose(file) == 0, written == bytes.count else {
            throw .unwritable(file: path, reason: String(cString: strerror(errno)))
        }
        files += 1
    }

    func link(_ relative: String, to target: String) throws(FormatError) {
        let absolute = target.hasPrefix("/") ? target : String(cString: getcwd(nil, 0)) + "/" + target
        guard symlink(absolute, root + "/" + relative) == 0 else {
            throw .unwritable(file: root + "/" + relative, reason: String(cString: strerror(errno)))
        }
    }

    /// Moves the finished folder into place.
    func commit() throws(FormatError) {
        guard rename(root, final) == 0 else { throw .unwritable(file: final, reason: String(cString: strerror(errno))) }
    }

    /// Removes the unfinished folder after a failure.
    func abandon() { try? ExportFolder.remove(root) }

    private static func remove(_ path: String) throws {
        guard let dir = opendir(path) else { unlink(path); return }
        while let entry = readdir(dir) {
            let name = FileTree.name(of: entry)
            if name == "." || name == ".." { continue }
            let child = path + "/" + name
            if entry.pointee.d_type == UInt8(DT_DIR) { try remove(child) } else { unlink(child) }
        }
        closedir(dir)
        rmdir(path)
    }
}
