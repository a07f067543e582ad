import EvalQuery
import Foundation

/// What names an evaluation's journal: where it came from, whatever it is called in the session.
/// Files by their canonical paths (symbolic links resolved, relative paths made absolute), a
/// store pull by `store:NAME@VERSION` and the store (a version is content-addressed, so the
/// version names the content), Picsellia by the experiment reference. The files' fingerprints
/// are recorded beside the edits, not in the key: a file rewritten since is still the same
/// source, and the offer says it changed.
public struct JournalIdentity: Equatable, Sendable {
    /// One file of a source as it was when the edits were made.
    public struct Source: Codable, Equatable, Sendable {
        public var path: String
        public var size: Int64
        /// `JournalIdentity.fingerprint` of its bytes.
        public var digest: String
    }

    public var key: String
    public var sources: [Source]

    public init(key: String, sources: [Source]) {
        self.key = key
        self.sources = sources
    }

    /// The identity of an origin. `storeVersion` gives the newest version of a stored
    /// experiment, for a pull that named none (just after the pull, that is the one pulled).
    ///
    /// Without `fingerprints`, the sources carry their paths and sizes but no digest: the key
    /// alone, for finding a journal before any file is hashed (`fingerprinted` adds them).
    public static func of(
        _ origin: EvaluationOrigin, storePath: String?,
        workingDirectory: String = FileManager.default.currentDirectoryPath, storeVersion: (String) -> Int? = { _ in nil },
        fingerprints: Bool = true
    ) -> JournalIdentity {
        func canonical(_ path: String) -> String { canonicalPath(path, workingDirectory: workingDirectory) }
        func source(_ path: String) -> Source { JournalIdentity.source(path, fingerprint: fingerprints) }
        switch origin {
        case .files(let paths):
            let resolved = paths.map(canonical)
            return JournalIdentity(key: "files " + resolved.joined(separator: " + "), sources: resolved.map(source))
        case .payloadFile(let path, let matrix):
            // The matrix is fingerprinted, not keyed: found beside the payload or named, it is one source.
            return JournalIdentity(
                key: "payload " + canonical(path), sources: ([path] + (matrix.map { [$0] } ?? [])).map(canonical).map(source))
        case .target(let target) where target.hasPrefix("store:"):
            var reference = target
            if !target.contains("@"), let version = storeVersion(String(target.dropFirst(6))) {
                reference += "@\(version)"
            }
            return JournalIdentity(key: reference + (storePath.map { " in \(canonical($0))" } ?? ""), sources: [])
        case .target(let target) where target.hasPrefix("picsellia:"):
            return JournalIdentity(key: target, sources: [])
        case .target(let path):
            let resolved = canonical(path)
            return JournalIdentity(key: "payload " + resolved, sources: [source(resolved)])
        }
    }

    /// The files whose content differs from what `recorded` says (or that are gone), by path.
    public func changedFiles(since recorded: [Source]) -> [String] {
        recorded.filter { old in !sources.contains(old) }.map(\.path)
    }

    /// Absolute, `.`/`..` removed, symbolic links resolved where the file exists.
    static func canonicalPath(_ path: String, workingDirectory: String) -> String {
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory, isDirectory: true))
            .standardizedFileURL.path
        guard let resolved = realpath(absolute, nil) else { return absolute }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func source(_ path: String, fingerprint hashing: Bool = true) -> Source {
        var info = stat()
        guard stat(path, &info) == 0 else { return Source(path: path, size: -1, digest: "missing") }
        // A dataset folder (YOLO, VOC) is not hashed: its files are many and read by the loader only.
        if (info.st_mode & S_IFMT) == S_IFDIR { return Source(path: path, size: 0, digest: "folder") }
        guard hashing else { return Source(path: path, size: Int64(info.st_size), digest: "") }
        return Source(path: path, size: Int64(info.st_size), digest: fingerprint(path, size: Int64(info.st_size)))
    }

    /// The same identity with every file's digest read now (those of `of(…, fingerprints: false)`
    /// are empty).
    public var fingerprinted: JournalIdentity {
        JournalIdentity(
            key: key, sources: sources.map { $0.digest.isEmpty ? JournalIdentity.source($0.path) : $0 })
    }

    /// A 64-bit digest of a file's bytes. Files up to 8 MiB (the usual payload, a COCO subset)
    /// are hashed whole (5 ms in a release build). A larger one is hashed on its first and last
    /// MiB and 64 blocks of 4 KiB spread evenly between, with the size: the reader does not keep
    /// a digest, and hashing every byte again took 115-360 ms for a 60 MB predictions file and
    /// 1.7 s for 600 MB, against 23 and 34 ms sampled. A file rewritten with the same size by
    /// an export or an edit differs in its header, its tail or among 2 MiB of samples all but
    /// always. Size and modification time alone would miss a rewrite with the same size, and
    /// see a change in a copy with the same bytes.
    static func fingerprint(_ path: String, size: Int64) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "unreadable" }
        defer { try? handle.close() }
        var hasher = WordHasher()
        let mebibyte = 1 << 20
        if size <= 8 * Int64(mebibyte) {
            while let chunk = try? handle.read(upToCount: mebibyte), !chunk.isEmpty { hasher.add(chunk) }
            return "all:" + hasher.hex
        }
        var ranges: [(offset: Int64, count: Int)] = [(0, mebibyte)]
        let middle = size - 2 * Int64(mebibyte)
        for i in 0..<64 { ranges.append((Int64(mebibyte) + middle * Int64(i) / 64, 4096)) }
        ranges.append((size - Int64(mebibyte), mebibyte))
        for range in ranges {
            guard (try? handle.seek(toOffset: UInt64(range.offset))) != nil,
                let chunk = try? handle.read(upToCount: range.count)
            else { return "unreadable" }
            hasher.add(chunk)
        }
        return "sampled:" + hasher.hex
    }
}

/// FNV-1a-style hashing eight bytes at a time (then the tail byte by byte): fast enough for a
/// few MiB per load in a debug build, stable across runs and machines.
struct WordHasher {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325
    private let prime: UInt64 = 0x100_0000_01b3

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var i = 0
            while i + 8 <= bytes.count {
                let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                state = (state ^ word) &* prime
                state ^= state >> 29
                i += 8
            }
            while i < bytes.count {
                state = (state ^ UInt64(bytes[i])) &* prime
                i += 1
            }
        }
        // The length too, so that chunks split differently do not hash alike.
        state = (state ^ UInt64(data.count)) &* prime
    }

    var hex: String { String(state, radix: 16) }
}
