#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes in one range of memory followed by a NUL byte: mapped (see `MappedFile`) or
/// read once, never copied.
///
/// The trailing NUL lets the scanner peek one byte past the end without a bounds check and
/// lets `strtod` stop at the end of the buffer. The class is immutable after `init`, hence
/// `@unchecked Sendable`: two threads may scan halves of the same buffer.
public final class SourceBytes: @unchecked Sendable {
    /// The name used in error messages (the path as the user gave it).
    public let name: String
    /// The content, without the trailing NUL.
    public let buffer: UnsafeBufferPointer<UInt8>

    /// Reads the whole file at `path`.
    public init(path: String) throws(FormatError) {
        name = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(file: path, reason: SourceBytes.errnoText()) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(file: path, reason: SourceBytes.errnoText()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw .unreadable(file: path, reason: "not a regular file")
        }
        let size = Int(info.st_size)
        LoadProgress.observer?(.reading(file: path, bytes: size))
        if let mapped = MappedFile(fd: fd, size: size) {
            mapping = mapped
            buffer = UnsafeBufferPointer(start: mapped.base.assumingMemoryBound(to: UInt8.self), count: size)
            return
        }
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: size + 1)
        var filled = 0
        while filled < size {
            let got = read(fd, memory + filled, size - filled)
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                let reason = got == 0 ? "file shrank while being read" : SourceBytes.errnoText()
                memory.deallocate()
                throw .unreadable(file: path, reason: reason)
            }
            filled += got
        }
        memory[size] = 0
        mapping = nil
        buffer = UnsafeBufferPointer(start: memory, count: size)
    }

    /// The file's pages when it is memory-mapped (nil for copied bytes).
    private let mapping: MappedFile?

    /// Tells that the bytes in `range` are scanned: a mapped file's pages there leave memory.
    func discard(_ range: Range<Int>) { mapping?.discard(range) }

    /// Copies `bytes` (for documents that do not come from a file: REST answers, tests).
    public init(bytes: some Collection<UInt8>, name: String) {
        self.name = name
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 1)
        _ = UnsafeMutableBufferPointer(start: memory, count: bytes.count).initialize(from: bytes)
        memory[bytes.count] = 0
        mapping = nil
        buffer = UnsafeBufferPointer(start: memory, count: bytes.count)
    }

    public convenience init(string: String, name: String) {
        self.init(bytes: Array(string.utf8), name: name)
    }

    deinit {
        if let mapping {
            mapping.unmap()
        } else {
            buffer.baseAddress.map { UnsafeMutablePointer(mutating: $0).deallocate() }
        }
    }

    public var count: Int { buffer.count }

    /// 1-based line and column (in bytes) of `offset`, for error messages.
    func location(of offset: Int) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), buffer.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where buffer[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return (line, end - lineStart + 1)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
