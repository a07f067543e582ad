import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file statements are remembered in across sessions.
///
/// One entry per line, UTF-8. Backslashes and newlines inside an entry are written as `\\`
/// and `\n` so every entry stays on one line. The file is private: created with mode 0600
/// (and reset to 0600 if it existed with another mode) in a directory created with 0700.
/// Entries are appended as they are typed, so concurrent sessions interleave instead of
/// overwriting each other.
public struct HistoryFile: Sendable, Equatable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    /// `$XDG_STATE_HOME/evalsh/history`, else `$HOME/.local/state/evalsh/history`.
    /// Relative `XDG_STATE_HOME` values are ignored, as the XDG specification requires.
    public static func defaultLocation(environment: [String: String]) throws(HistoryFileError) -> HistoryFile {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return HistoryFile(path: state + "/evalsh/history")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return HistoryFile(path: home + "/.local/state/evalsh/history")
        }
        throw .noStateDirectory
    }

    /// The last `limit` entries, oldest first; empty when the file does not exist yet.
    /// When the file holds more than twice `limit` entries it is rewritten with the last
    /// `limit`, so it does not grow without bound.
    public func load(limit: Int) throws(HistoryFileError) -> [String] {
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        try enforcePermissions()
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .cannotRead(path: path, reason: error.localizedDescription)
        }
        let entries = String(decoding: data, as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: true)
            .map { Self.decode($0) }
        let kept = Array(entries.suffix(max(0, limit)))
        if entries.count > 2 * max(1, limit) {
            try rewrite(with: kept)
        }
        return kept
    }

    /// Appends one entry, creating the file and its directory when needed.
    public func append(_ entry: String) throws(HistoryFileError) {
        try writeLines([entry], flags: O_WRONLY | O_APPEND | O_CREAT)
    }

    /// Creates the directory and file if missing and resets the file's mode to 0600.
    public func enforcePermissions() throws(HistoryFileError) {
        try createDirectory()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: Self.lastError()) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            throw .cannotOpen(path: path, reason: Self.lastError())
        }
    }

    private func rewrite(with entries: [String]) throws(HistoryFileError) {
        try writeLines(entries, flags: O_WRONLY | O_TRUNC | O_CREAT)
    }

    private func writeLines(_ entries: [String], flags: Int32) throws(HistoryFileError) {
        try createDirectory()
        let descriptor = open(path, flags | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .cannotOpen(path: path, reason: Self.lastError()) }
        defer { close(descriptor) }
        guard fchmod(descriptor, 0o600) == 0 else {
            throw .cannotOpen(path: path, reason: Self.lastError())
        }
        let bytes = Array(entries.map { Self.encode($0) + "\n" }.joined().utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: path, reason: Self.lastError())
            }
            offset += written
        }
    }

    private func createDirectory() throws(HistoryFileError) {
        let directory = (path as NSString).deletingLastPathComponent
        guard !directory.isEmpty else { return }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotCreateDirectory(path: directory, reason: error.localizedDescription)
        }
    }

    static func encode(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func decode(_ line: Substring) -> String {
        var result = ""
        var escaping = false
        for character in line {
            if escaping {
                result.append(character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        if escaping { result.append("\\") }
        return result
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }
}
