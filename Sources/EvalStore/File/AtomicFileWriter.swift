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
    func replace(_ files: [(data: Data, url: URL)]) throws {
        var staged: [Staged] = []
        defer { for file in staged { unlink(file.temporaryPath) } }
        for file in files {
            staged.append(try stage(file.data, for: file.url))
        }
        while let file = staged.first {
            guard rename(file.temporaryPath, file.target.path) == 0 else {
                throw StoreError.fileWriteFailed(path: file.target.path, detail: Self.lastError("rename"))
            }
            staged.removeFirst()
        }
        for directory in Set(files.map { $0.url.deletingLastPathComponent().path }) {
            try syncDirectory(directory)
        }
    }

    private func stage(_ data: Data, for target: URL) throws -> Staged {
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
        do {
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

    private func writeAll(_ data: Data, to descriptor: Int32, target: URL) throws {
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw StoreError.fileWriteFailed(path: target.path, detail: Self.lastError("write"))
                }
                offset += written
            }
        }
    }

    private func syncDirectory(_ path: String) throws {
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
