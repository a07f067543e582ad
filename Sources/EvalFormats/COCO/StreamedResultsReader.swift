import Dispatch
import EvalCore
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a large COCO results list (a top-level array of objects with numeric image ids) from
/// its file in windows of a megabyte, on all cores, instead of reading the whole file first: the
/// 605 MB predictions of the benchmark's 10× set then cost a 1 MiB buffer per core, not 605 MB;
/// no page of the file's size has to be cleared by the kernel, and what is parsed was just read
/// into a buffer that stays in the core's cache.
///
/// The array is cut into parts of about `defaultPartSize` bytes, each starting at a guessed
/// element boundary (`}` `,` `{`), which is accepted only if the part before it ends exactly
/// there. Parts go to the cores as they free up, so a core that runs slow holds up the end by
/// one part, not by half the file. An element cut by a window's end fails to parse (its closing
/// `}` is missing: the NUL after the window is never a byte JSON accepts there) and is parsed
/// again once the window has slid to its start.
///
/// Anything else — an error, a file that changed, an element larger than a window, a file of
/// another shape — makes `read` answer nil, and the caller reads the file whole: errors and
/// results are then exactly those of the whole-file path.
enum StreamedResultsReader {
    /// Files smaller than this are read whole.
    static let defaultThreshold = 2 << 20
    static let defaultWindowSize = 1 << 20
    /// The bytes of the shortest result and its comma: `{"image_id":1,"category_id":1,"bbox":[1,1,1,1]},`.
    static let minimalElementSize = 48
    /// What is read to decide whether the file is a results list (its first element must fit).
    static let headSize = 1 << 20

    /// The predictions, or nil when this reader does not take the file (read it whole). Throws
    /// only `.cancelled`.
    /// `windowSize`, `threshold` and `partSize` are parameters for the tests (elements cut at
    /// every window, many parts).
    static func read(
        path: String, groundTruth: GroundTruth, windowSize: Int = defaultWindowSize, threshold: Int = defaultThreshold,
        partSize: Int = defaultPartSize
    ) throws(FormatError) -> Detections? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) >= threshold else { return nil }
        let size = Int(info.st_size)
        if size >= Heap.largeInput { Heap.preferLowPeak() }
        // The head alone is read before the split: each part reads its own window, in parallel.
        let head = FileWindow(fd: fd, fileSize: size, capacity: min(windowSize, headSize))
        guard head.slide(to: 0), let open = arrayStart(head.buffer) else { return nil }
        guard let images = try? COCOGroundTruthReader.index(groundTruth.images.map(\.id), section: "images", file: ""),
            let categories = try? COCOGroundTruthReader.index(
                groundTruth.categories.map(\.id), section: "categories", file: "")
        else { return nil }
        let observer = LoadProgress.observer
        observer?(.reading(file: path, bytes: size))
        let boundaryWindow = FileWindow(fd: fd, fileSize: size, capacity: boundarySearch)
        let starts = ObjectArrayReader.partStarts(open: open, end: size, partSize: partSize) { near in
            guard boundaryWindow.slide(to: near) else { return nil }
            return ObjectArrayReader.findBoundary(in: JSONScanner(boundaryWindow.buffer), near: 0).map { boundaryWindow.start + $0 }
        }
        let parts = Parts(count: starts.count, windowSize: windowSize, fd: fd, size: size)
        let progress = observer.map { observer in
            let share = Double(max(1, size - open))
            return PartsProgress { parsed in observer(.parsed(fraction: min(1, Double(parsed) / share))) }
        }
        let cancelled = LoadCancellation.isRequested
        // Parts are handed to the cores as they free up: one slow core holds up the end by a
        // part at most, not by half the file.
        let context = PartContext(
            starts: starts, open: open, size: size, parts: parts, images: images, categories: categories,
            cancelled: cancelled, progress: progress)
        DispatchQueue.concurrentPerform(iterations: starts.count) { i in context.read(part: i) }
        if parts.cancelled { throw .cancelled(file: path) }
        guard var all = parts.takeAll() else { return nil }
        return Detections.joined(&all)
    }

    static let defaultPartSize = 4 << 20
    /// How far past a part's nominal start its first element boundary is looked for.
    static let boundarySearch = 64 << 10

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

    /// One part's sequential parse through a sliding window.
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

    /// What every part's parse needs.
    private struct PartContext: Sendable {
        let starts: [Int]
        let open: Int
        let size: Int
        let parts: Parts
        let images: IdIndex
        let categories: IdIndex
        let cancelled: LoadCancellation.Check
        let progress: PartsProgress?

        /// Parses part `i` into `parts`, or leaves it unset (not confirmed) or cancels.
        func read(part i: Int) {
            // After a Ctrl-C the parts not yet begun end here, reading nothing.
            if cancelled() || parts.cancelled {
                parts.cancel()
                return
            }
            let from = starts[i], stopAt = i + 1 < starts.count ? starts[i + 1] : nil
            let window = parts.takeWindow()
            defer { parts.giveBack(window) }
            let report = progress?.reporter(from: from)
            // Columns reserved for as many results as the part can hold: never grown.
            let end = stopAt ?? size
            let bound = (end - from) / minimalElementSize + 16
            var sink = DetectionSink(images: images, categories: categories, byteCount: end - from, capacity: bound)
            let region = Region(window: window, opensArray: from == open, stopAt: stopAt, cancelled: cancelled, progress: report)
            do throws(JSONScanError) {
                if try region.read(from: from, into: &sink) {
                    report?(end)
                    parts.set(i, sink.takeDetections())
                }
            } catch {
                parts.cancel()
            }
        }
    }

    /// The parts' results and their windows, shared by the threads that parse them.
    private final class Parts: Sendable {
        private struct State: ~Copyable {
            var results: [Detections?]
            var windows: [FileWindow] = []
            var cancelled = false
        }
        private let state: Mutex<State>
        private let windowSize: Int, fd: Int32, size: Int

        init(count: Int, windowSize: Int, fd: Int32, size: Int) {
            state = Mutex(State(results: Array(repeating: nil, count: count)))
            (self.windowSize, self.fd, self.size) = (windowSize, fd, size)
        }

        var cancelled: Bool { state.withLock { $0.cancelled } }

        /// A window no other thread holds: one per thread at most, reused from part to part.
        func takeWindow() -> FileWindow {
            state.withLock { $0.windows.popLast() } ?? FileWindow(fd: fd, fileSize: size, capacity: windowSize)
        }

        func giveBack(_ window: FileWindow) { state.withLock { $0.windows.append(window) } }
        func set(_ i: Int, _ detections: Detections) { state.withLock { $0.results[i] = detections } }
        func cancel() { state.withLock { $0.cancelled = true } }

        /// Every part's predictions in file order, or nil when one part was not confirmed.
        func takeAll() -> [Detections]? {
            state.withLock {
                let all = $0.results.compactMap { $0 }
                let complete = all.count == $0.results.count
                $0.results = []
                return complete ? all : nil
            }
        }
    }
}
