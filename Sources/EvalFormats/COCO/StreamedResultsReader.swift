import Dispatch
import EvalCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a large COCO results list (a top-level array of objects with numeric image ids) from
/// its file in windows of a few megabytes, on two cores, instead of reading the whole file first:
/// the 605 MB predictions of the benchmark's 10× set then cost 2 × 8 MiB of buffers, not 605 MB,
/// and no page of the file's size has to be cleared by the kernel.
///
/// The two halves split as `ObjectArrayReader` splits them: the second starts at a guessed element
/// boundary, accepted only if the first half's sequential parse ends exactly there. An element
/// cut by a window's end fails to parse (its closing `}` is missing: the NUL after the window is
/// never a byte JSON accepts there) and is parsed again once the window has slid to its start.
///
/// Anything else — an error, a file that changed, an element larger than a window, a file of
/// another shape — makes `read` answer nil, and the caller reads the file whole: errors and
/// results are then exactly those of the whole-file path.
enum StreamedResultsReader {
    /// Files smaller than this are read whole.
    static let defaultThreshold = 2 << 20
    static let defaultWindowSize = 8 << 20
    /// The bytes of the shortest result and its comma: `{"image_id":1,"category_id":1,"bbox":[1,1,1,1]},`.
    static let minimalElementSize = 48
    /// What is read to decide whether the file is a results list (its first element must fit).
    static let headSize = 1 << 20

    /// The predictions, or nil when this reader does not take the file (read it whole). Throws
    /// only `.cancelled`.
    /// `windowSize` and `threshold` are parameters for the tests (elements cut at every window).
    static func read(
        path: String, groundTruth: GroundTruth, windowSize: Int = defaultWindowSize, threshold: Int = defaultThreshold
    ) throws(FormatError) -> Detections? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= threshold else { return nil }
        let size = Int(info.st_size)
        // The head alone is read before the split: each half reads its own window, in parallel.
        let head = FileWindow(fd: fd, fileSize: size, capacity: min(windowSize, headSize))
        guard head.slide(to: 0), let open = arrayStart(head.buffer) else { return nil }
        guard let images = try? COCOGroundTruthReader.index(groundTruth.images.map(\.id), section: "images", file: ""),
            let categories = try? COCOGroundTruthReader.index(
                groundTruth.categories.map(\.id), section: "categories", file: "")
        else { return nil }
        let observer = LoadProgress.observer
        observer?(.reading(file: path, bytes: size))
        let boundary = findBoundary(fd: fd, size: size, after: open)
        let progress: (@Sendable (Int) -> Void)? = observer.map { observer in
            let share = Double(max(1, (boundary ?? size) - open))
            return { offset in observer(.parsed(fraction: min(1, Double(offset - open) / share))) }
        }
        let cancelled = LoadCancellation.isRequested
        @Sendable func part(_ window: FileWindow, from: Int, stopAt: Int?, report: (@Sendable (Int) -> Void)?)
            throws(JSONScanError) -> DetectionSink?
        {
            // The first half's columns are reserved for the whole array: the second is appended in place.
            let bound = ((from == open ? size : stopAt ?? size) - from) / minimalElementSize + 16
            var sink = DetectionSink(
                images: images, categories: categories, byteCount: (stopAt ?? size) - from, capacity: bound)
            let region = Region(window: window, opensArray: from == open, stopAt: stopAt, cancelled: cancelled, progress: report)
            return try region.read(from: from, into: &sink) ? sink : nil
        }
        guard let boundary else {
            do throws(JSONScanError) {
                let window = FileWindow(fd: fd, fileSize: size, capacity: windowSize)
                guard var sink = try part(window, from: open, stopAt: nil, report: progress) else { return nil }
                return sink.takeDetections()
            } catch {
                throw .cancelled(file: path)
            }
        }
        let halves = Halves()
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            do throws(JSONScanError) {
                let window = FileWindow(fd: fd, fileSize: size, capacity: windowSize)
                if half == 0 {
                    halves.first = try part(window, from: open, stopAt: boundary, report: progress)
                } else {
                    halves.second = try part(window, from: boundary, stopAt: nil, report: nil)
                }
            } catch {
                halves.cancelled = true
            }
        }
        if halves.cancelled { throw .cancelled(file: path) }
        guard var first = halves.first, let second = halves.second else { return nil }
        // `halves` must let go of both, or appending would copy the first half's columns.
        (halves.first, halves.second) = (nil, nil)
        first.append(contentsOf: second)
        return first.takeDetections()
    }

    /// The offset of the `[` that opens the document, when it is a results list whose first
    /// element has a numeric `image_id` (string ids are file stems, read by `StemResultsReader`).
    private static func arrayStart(_ head: UnsafeBufferPointer<UInt8>) -> Int? {
        let checked = UnsafeBufferPointer(rebasing: head.prefix(SourceBytes.headSize))
        guard SourceBytes.firstNonJSONByte(checked) == nil else { return nil }
        var scanner = JSONScanner(head)
        guard scanner.peek() == UInt8(ascii: "[") else { return nil }
        let open = scanner.position
        do {
            try scanner.enterArray()
            guard try scanner.nextElement() else { return nil }
            try scanner.enterObject()
            while let key = try scanner.nextKey() {
                if case "image_id" = key { return scanner.peek() == UInt8(ascii: "\"") ? nil : open }
                try scanner.skipValue()
            }
        } catch {
            return nil
        }
        return nil
    }

    /// An element boundary near the middle of the array (see `ObjectArrayReader.findBoundary`).
    private static func findBoundary(fd: Int32, size: Int, after open: Int) -> Int? {
        let window = FileWindow(fd: fd, fileSize: size, capacity: 1 << 20)
        guard window.slide(to: open + (size - open) / 2) else { return nil }
        return ObjectArrayReader.findBoundary(in: JSONScanner(window.buffer), near: 0).map { window.start + $0 }
    }

    /// One half's sequential parse through a sliding window.
    private struct Region {
        let window: FileWindow
        let opensArray: Bool
        /// Where the half ends (the second half's start); nil: at the `]` and the end of the file.
        let stopAt: Int?
        let cancelled: LoadCancellation.Check
        let progress: (@Sendable (Int) -> Void)?

        /// True when every element up to `stopAt` (or the end) is read into `sink`.
        func read(from start: Int, into sink: inout DetectionSink) throws(JSONScanError) -> Bool {
            if !(window.start <= start && start < window.start + window.count) {
                guard window.slide(to: start) else { return false }
            }
            var resume = start
            var index = 0
            var retried = false
            var scanner = JSONScanner(window.buffer, from: resume - window.start)
            while true {
                if let stopAt, index > 0 {
                    if resume == stopAt { return true }
                    if resume > stopAt { return false }
                }
                if index & (ObjectArrayReader.cancellationStride - 1) == 0 {
                    if cancelled() { throw .cancelled }
                    if index & (LoadProgress.elementStride - 1) == 0 { progress?(resume) }
                }
                do throws(JSONScanError) {
                    if index == 0 && opensArray { try scanner.enterArray() }
                    guard try scanner.nextElement() else {
                        return stopAt == nil && onlyWhitespace(from: window.start + scanner.position)
                    }
                    try sink.readElement(&scanner, index: index)
                    resume = window.start + scanner.position
                    index += 1
                    retried = false
                } catch {
                    // Cut by the window's end: once more from the element's start, at the
                    // window's start. A second failure there is the file's (or a huge element).
                    if retried || window.reachesEnd || !window.slide(to: resume) { return false }
                    retried = true
                    scanner = JSONScanner(window.buffer, from: 0)
                }
            }
        }

        /// Whether only whitespace follows `offset` to the end of the file.
        private func onlyWhitespace(from offset: Int) -> Bool {
            var position = offset - window.start
            while true {
                let bytes = window.buffer
                while position < bytes.count {
                    let byte = bytes[position]
                    guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return false }
                    position += 1
                }
                if window.reachesEnd { return true }
                guard window.slide(to: window.start + window.count) else { return false }
                position = 0
            }
        }
    }

    /// The halves' results, each written by one thread only.
    private final class Halves: @unchecked Sendable {
        var first: DetectionSink?
        var second: DetectionSink?
        var cancelled = false
    }
}
