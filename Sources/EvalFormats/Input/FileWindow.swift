#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A window of a regular file's bytes, read with `pread` and slid forward as they are parsed,
/// followed by a NUL byte as `SourceBytes` is: a large file is scanned holding a few megabytes
/// of it at a time, in a buffer that is reused (no page of the whole file is ever touched).
///
/// Bytes past the size the file had when it was opened are never read; a file that shrinks
/// makes `slide` answer false (the caller then reads it whole, which reports the error).
/// Used by one thread at a time (each half of a parse has its own), hence `@unchecked Sendable`.
final class FileWindow: @unchecked Sendable {
    private let fd: Int32
    let fileSize: Int
    private var memory: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The file offset of the window's first byte.
    private(set) var start = 0
    /// How many bytes the window holds.
    private(set) var count = 0

    init(fd: Int32, fileSize: Int, capacity: Int) {
        self.fd = fd
        self.fileSize = fileSize
        self.capacity = capacity
        memory = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 1)
        memory[0] = 0
    }

    deinit { memory.deallocate() }

    /// The bytes held (the NUL after them not counted).
    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: memory, count: count) }

    /// Whether the window holds the file's last byte.
    var reachesEnd: Bool { start + count == fileSize }

    /// Moves the window to begin at file offset `offset`, keeping the bytes it already holds from
    /// there, and fills the rest. False when the read fails or the file turned out shorter than
    /// its size.
    func slide(to offset: Int) -> Bool {
        let kept = offset >= start && offset <= start + count ? start + count - offset : 0
        if kept > 0 && offset > start { memmove(memory, memory + (offset - start), kept) }
        start = offset
        count = kept
        while count < capacity && start + count < fileSize {
            let wanted = min(capacity - count, fileSize - start - count)
            let got = pread(fd, memory + count, wanted, off_t(start + count))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                memory[count] = 0
                return false
            }
            count += got
        }
        memory[count] = 0
        return true
    }
}
