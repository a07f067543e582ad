#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, followed by at least one zero byte.
///
/// The mapping reserves the file's size plus one byte, rounded up to whole pages, as anonymous
/// zero pages, then maps the file over its start: the byte after the content is always 0, even
/// for a file whose size is a multiple of the page size. Pages are read from the page cache as
/// the scanner reaches them, and `discard` hands back the ones already scanned, so a 600 MB file
/// costs the process a few megabytes of resident memory at a time instead of its whole size;
/// a discarded page read again (an error's line number, a second parse) comes back from the file.
struct MappedFile {
    let base: UnsafeMutableRawPointer
    let length: Int

    /// Maps `size` bytes of the open file `fd`; nil when the system refuses (the caller reads instead).
    init?(fd: Int32, size: Int) {
        let page = MappedFile.pageSize
        let length = (size + 1 + page - 1) / page * page
        guard let reserved = mmap(nil, length, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
            reserved != MAP_FAILED
        else { return nil }
        if size > 0 {
            guard let mapped = mmap(reserved, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0), mapped == reserved else {
                munmap(reserved, length)
                return nil
            }
            _ = madvise(reserved, size, MADV_SEQUENTIAL)
        }
        base = reserved
        self.length = length
    }

    func unmap() { munmap(base, length) }

    /// Drops the whole pages inside `range` from the process's memory (they stay in the file).
    func discard(_ range: Range<Int>) {
        let page = MappedFile.pageSize
        let lower = (range.lowerBound + page - 1) / page * page
        let upper = range.upperBound / page * page
        guard upper > lower else { return }
        _ = madvise(base + lower, upper - lower, MADV_DONTNEED)
    }

    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
}
