#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Replaces files so that a crash leaves either the old content or the new one, never half.
///
/// Each file is written to a temporary sibling (same directory, so the rename cannot cross
/// file systems), flushed with `fsync`, renamed over the target, and the directory is then
/// flushed so the rename itself is durable. On any failure the temporaries are removed.
struct AtomicFileWriter {
    /// A file staged next to its target, waiting to be renamed into place.
    private struct Staged {
        var temporaryPath: String
        var target: URL
    }

    /// Writes every `(data, url)` pair; all files are staged and flushed before the first
    /// rename, so a failure while writing (disk full, permissions) leaves every target as it was.
    /// The last pair is renamed last: a reader that sees it new sees the others new too.
    ///
    /// A target that exists must be a regular file (a device, a FIFO or a folder is refused
    /// before anything is written); a symbolic link is written through: the file it points to
    /// is replaced atomically and the link kept. Temporaries a killed push left beside a
    /// target are removed first.
    func replace(_ files: [(data: Data, url: URL)]) throws(StoreError) {
        let files = try files.map { (file) throws(StoreError) in (data: file.data, url: try Self.resolvedTarget(file.url)) }
        for file in files { Self.removeStaleTemporaries(of: file.url) }
        var staged: [Staged] = []
        defer { for file in staged { unlink(file.temporaryPath) } }
        for file in files {
            staged.append(try stage(file.data, for: file.url))
        }
        var replaced: [String] = []
        while let file = staged.first {
            guard rename(file.temporaryPath, file.target.path) == 0 else {
                let detail = Self.lastError("rename")
                if replaced.isEmpty { throw StoreError.fileWriteFailed(path: file.target.path, detail: detail) }
                throw StoreError.fileWritePartly(path: file.target.path, replaced: replaced, detail: detail)
            }
            replaced.append(file.target.path)
            staged.removeFirst()
        }
        for directory in Set(files.map { $0.url.deletingLastPathComponent().path }) {
            try syncDirectory(directory)
        }
    }

    /// The file to replace for `target`: itself, or the file a symbolic link points to;
    /// refused when it exists and is not a regular file.
    static func resolvedTarget(_ target: URL) throws(StoreError) -> URL {
        var info = stat()
        guard lstat(target.path, &info) == 0 else { return target }
        var resolved = target
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let real = realpath(target.path, nil) else {
                throw StoreError.fileWriteFailed(
                    path: target.path, detail: "it is a symbolic link to a missing file or folder; remove it or point it at a file")
            }
            defer { free(real) }
            resolved = URL(fileURLWithPath: String(cString: real))
            guard stat(resolved.path, &info) == 0 else { return resolved }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return resolved
        case S_IFDIR: throw StoreError.fileWriteFailed(path: target.path, detail: "it is a folder; name a .json file")
        case S_IFIFO, S_IFSOCK:
            throw StoreError.fileWriteFailed(path: target.path, detail: "it is a FIFO or a socket, not a regular file; push writes files")
        default:
            throw StoreError.fileWriteFailed(path: target.path, detail: "it is a device, not a regular file; push writes files")
        }
    }

    /// Removes `.NAME.XXXXXX` files (this writer's temporaries) beside `target`: what a push
    /// killed between its writes and its renames left behind.
    static func removeStaleTemporaries(of target: URL) {
        let directory = target.deletingLastPathComponent().path
        let prefix = ".\(target.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names where name.hasPrefix(prefix) && name.count == prefix.count + 6 {
            var info = stat()
            let path = "\(directory)/\(name)"
            if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { unlink(path) }
        }
    }

    private func stage(_ data: Data, for target: URL) throws(StoreError) -> Staged {
        let directory = target.deletingLastPathComponent().path
        var template = Array("\(directory)/.\(target.lastPathComponent).XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else {
            var isDirectory: ObjCBool = false
            if !FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) || !isDirectory.boolValue {
                throw StoreError.fileWriteFailed(path: target.path, detail: "there is no folder \(directory) (create it first)")
            }
            throw StoreError.fileWriteFailed(path: target.path, detail: Self.lastError("cannot create a temporary file"))
        }
        let temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        do throws(StoreError) {
            defer { close(descriptor) }
            try writeAll(data, to: descriptor, target: target)
            fchmod(descriptor, Self.permissions(replacing: target))
            guard fsync(descriptor) == 0 else {
                throw StoreError.fileWriteFailed(path: target.path, detail: Self.lastError("fsync"))
            }
        } catch {
            unlink(temporaryPath)
            throw error
        }
        return Staged(temporaryPath: temporaryPath, target: target)
    }

    private func writeAll(_ data: Data, to descriptor: Int32, target: URL) throws(StoreError) {
        let failure: String? = data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return Self.lastError("write")
                }
                offset += written
            }
            return nil
        }
        if let failure { throw .fileWriteFailed(path: target.path, detail: failure) }
    }

    private func syncDirectory(_ path: String) throws(StoreError) {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else {
            throw StoreError.fileWriteFailed(path: path, detail: Self.lastError("cannot open the directory to flush it"))
        }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else {
            throw StoreError.fileWriteFailed(path: path, detail: Self.lastError("fsync of the directory"))
        }
    }

    /// The replaced file's permissions, or 0644 for a new file (`mkstemp` creates 0600).
    private static func permissions(replacing target: URL) -> mode_t {
        var info = stat()
        if stat(target.path, &info) == 0 { return info.st_mode & 0o7777 }
        return 0o644
    }

    private static func lastError(_ operation: String) -> String {
        "\(operation): \(String(cString: strerror(errno)))"
    }
}
