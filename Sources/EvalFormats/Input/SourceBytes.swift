import Dispatch

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

    /// Reads the whole file at `path`. Only regular files are read: the file is opened without
    /// blocking (a FIFO with no writer would block `open`) and a folder, FIFO, socket or device
    /// is refused before any read. With `json`, the first block is checked before the rest is
    /// read, so a file that is not JSON (a sparse file of zeros, a binary) fails at its first
    /// bad byte without reading gigabytes; the readers of other formats (XML, YAML, text) read
    /// without that check.
    public init(path: String, json: Bool = false) throws(FormatError) {
        name = path
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw .unreadable(file: path, reason: SourceBytes.openFailure(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .unreadable(file: path, reason: SourceBytes.errnoText()) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw .unreadable(file: path, reason: "it is a folder; give a JSON file")
        case S_IFIFO: throw .unreadable(file: path, reason: "it is a FIFO (named pipe), not a regular file; save the data to a file first")
        case S_IFSOCK: throw .unreadable(file: path, reason: "it is a socket, not a regular file")
        default: throw .unreadable(file: path, reason: "it is a device, not a regular file")
        }
        let size = Int(info.st_size)
        LoadProgress.observer?(.reading(file: path, bytes: size))
        if SourceBytes.mapsFiles, let mapped = MappedFile(fd: fd, size: size) {
            let bytes = UnsafeBufferPointer(start: mapped.base.assumingMemoryBound(to: UInt8.self), count: size)
            if json, let failure = SourceBytes.notJSON(UnsafeBufferPointer(rebasing: bytes.prefix(SourceBytes.headSize)), size: size, path: path) {
                mapped.unmap()
                throw failure
            }
            mapping = mapped
            buffer = bytes
            return
        }
        let memory = UnsafeMutablePointer<UInt8>.allocate(capacity: size + 1)
        let free = { FreedMemory(pointer: memory, count: size + 1).release() }
        var filled = 0
        while filled < min(size, SourceBytes.headSize) {
            let got = read(fd, memory + filled, min(size, SourceBytes.headSize) - filled)
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                let reason = got == 0 ? "file shrank while being read" : SourceBytes.errnoText()
                free()
                throw .unreadable(file: path, reason: reason)
            }
            filled += got
        }
        if json, let failure = SourceBytes.notJSON(UnsafeBufferPointer(start: memory, count: filled), size: size, path: path) {
            free()
            throw failure
        }
        if let failure = SourceBytes.readRest(fd: fd, into: memory, from: filled, to: size) {
            free()
            throw failure == SourceBytes.cancelledRead ? .cancelled(file: path) : .unreadable(file: path, reason: failure)
        }
        memory[size] = 0
        mapping = nil
        buffer = UnsafeBufferPointer(start: memory, count: size)
    }

    /// Reads bytes `start..<end` of the file into `memory` at the same offsets; a large rest is
    /// read by two threads, each its half, which halves the time the kernel spends copying and
    /// clearing pages. The reason of the first failure, or nil.
    private static func readRest(fd: Int32, into memory: UnsafeMutablePointer<UInt8>, from start: Int, to end: Int) -> String? {
        let cancelled = LoadCancellation.isRequested
        @Sendable func read(_ range: Range<Int>, into memory: UnsafeMutablePointer<UInt8>) -> String? {
            var offset = range.lowerBound
            while offset < range.upperBound {
                // In slices, so that Ctrl-C during the read of a large file is seen within milliseconds.
                if cancelled() { return cancelledRead }
                let got = pread(fd, memory + offset, min(range.upperBound - offset, readSlice), off_t(offset))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else { return got == 0 ? "file shrank while being read" : SourceBytes.errnoText() }
                offset += got
            }
            return nil
        }
        guard end - start >= parallelReadThreshold else { return read(start..<end, into: memory) }
        let middle = start + (end - start) / 2
        let failures = UnsafeMutableBufferPointer<String?>.allocate(capacity: 2)
        failures.initialize(repeating: nil)
        defer { failures.deinitialize().deallocate() }
        let shared = SharedReadTarget(memory: memory, failures: failures)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            shared.failures[half] = read(half == 0 ? start..<middle : middle..<end, into: shared.memory)
        }
        return failures[0] ?? failures[1]
    }

    /// What `readRest` answers when the load was cancelled while it read.
    private static let cancelledRead = "cancelled"
    /// The most one `pread` of `readRest` asks for.
    private static let readSlice = 8 << 20

    /// Below this many bytes the rest of a file is read by one thread.
    static let parallelReadThreshold = 4 << 20

    /// The file's pages when it is memory-mapped (nil for copied bytes).
    private let mapping: MappedFile?

    /// Tells that the bytes in `range` are scanned: a mapped file's pages there leave memory.
    func discard(_ range: Range<Int>) { mapping?.discard(range) }

    /// The error for a file whose `head` shows it is not JSON; nil when it may be.
    private static func notJSON(_ head: UnsafeBufferPointer<UInt8>, size: Int, path: String) -> FormatError? {
        guard let bad = firstNonJSONByte(head) else { return nil }
        let (line, column) = location(of: bad, in: head)
        let byte = head[bad]
        return .invalidJSON(
            file: path, line: line, column: column,
            message: "not JSON: byte 0x\(byte < 16 ? "0" : "")\(String(byte, radix: 16, uppercase: true)) cannot appear in a JSON file"
                + " (\(size) bytes, only the first \(head.count) read)")
    }

    /// Whether input files are memory-mapped (`EVALSH_MAP_INPUT=1`) rather than read: mapping
    /// holds a few megabytes of a 600 MB file at a time, but a file that another process
    /// truncates while it is scanned ends the process with SIGBUS, a crash evalsh must not have.
    /// Off by default; tests turn it on to check the mapped path reads the same bytes.
    nonisolated(unsafe) public static var mapsFiles: Bool = {
        guard let value = getenv("EVALSH_MAP_INPUT") else { return false }
        return String(cString: value) == "1"
    }()

    /// How much is read and checked before the rest of a file.
    static let headSize = 64 << 10

    /// The offset of the first byte that cannot appear anywhere in a JSON text, in `head`: a
    /// control character other than tab, line feed and carriage return (raw, even inside a
    /// string), or a first non-blank byte that cannot start a value. Nil when the head may be JSON.
    static func firstNonJSONByte(_ head: UnsafeBufferPointer<UInt8>) -> Int? {
        var start = 0
        // A UTF-8 byte-order mark is allowed before the value.
        if head.count >= 3, head[0] == 0xEF, head[1] == 0xBB, head[2] == 0xBF { start = 3 }
        var sawValue = false
        for i in start..<head.count {
            let b = head[i]
            if b < 0x20 {
                if b == 0x09 || b == 0x0A || b == 0x0D { continue }
                return i
            }
            if !sawValue, b != 0x20 {
                guard b == UInt8(ascii: "{") || b == UInt8(ascii: "[") || b == UInt8(ascii: "\"") || b == UInt8(ascii: "-")
                    || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "t") || b == UInt8(ascii: "f")
                    || b == UInt8(ascii: "n")
                else { return i }
                sawValue = true
            }
        }
        return nil
    }


    private static func openFailure(_ code: Int32) -> String {
        code == ENOTDIR ? "a part of the path is not a folder" : String(cString: strerror(code))
    }

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
        } else if let base = buffer.baseAddress {
            FreedMemory(pointer: UnsafeMutablePointer(mutating: base), count: buffer.count + 1).release()
        }
    }

    public var count: Int { buffer.count }

    /// 1-based line and column (in bytes) of `offset`, for error messages.
    func location(of offset: Int) -> (line: Int, column: Int) {
        Self.location(of: offset, in: buffer)
    }

    static func location(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return (line, end - lineStart + 1)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// A buffer handed to another thread to be freed there.
private struct FreedMemory: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt8>
    let count: Int

    func free() { pointer.deallocate() }

    /// Frees a large buffer on another thread: returning its pages to the system takes
    /// milliseconds that the next parse, or the prompt after a Ctrl-C, need not wait for.
    func release() {
        if count >= SourceBytes.parallelReadThreshold {
            DispatchQueue.global(qos: .utility).async { free() }
        } else {
            free()
        }
    }
}

/// The buffer two threads read disjoint halves of a file into, and their failures.
private struct SharedReadTarget: @unchecked Sendable {
    let memory: UnsafeMutablePointer<UInt8>
    let failures: UnsafeMutableBufferPointer<String?>
}
