import Dispatch

/// Collects the elements of a JSON array of objects (annotations, results) into columns.
protocol ObjectArraySink: Sendable {
    /// Reads the object at the scanner, element `index` of its part of the array.
    mutating func readElement(_ scanner: inout JSONScanner, index: Int) throws(JSONScanError)
    /// Appends the columns of the part that follows this one.
    mutating func append(contentsOf other: Self)
}

/// Reads a large array of objects on all cores.
///
/// The array is cut into parts of about `partSize` bytes, each after the first starting at a
/// guessed element boundary (`}` `,` `{` after its nominal start); the guess is accepted only if
/// the part before it ends at exactly that `}` at the array's level, which proves the boundary
/// was not inside a string or a nested value. Parts go to the cores as they free up. If a guess
/// is wrong or a part fails, the whole array is parsed again sequentially, so that results and
/// the first error are exactly those of a sequential parse.
enum ObjectArrayReader {
    /// Below this many bytes the array is parsed sequentially.
    static let parallelThreshold = 1 << 20
    /// Elements between two polls of `LoadCancellation` (under a millisecond of parsing, even
    /// for annotations with long polygons).
    static let cancellationStride = 1 << 10

    /// Parses the array at the scanner's position and leaves the scanner after its `]`.
    /// `makeSink` is called with the byte length of the part the sink will read. Every
    /// `cancellationStride` elements `LoadCancellation` is polled; every
    /// `LoadProgress.elementStride` elements progress is reported and the bytes parsed are handed
    /// back to `source` (a mapped file's pages leave memory).
    static func read<Sink: ObjectArraySink>(
        _ scanner: inout JSONScanner, source: SourceBytes? = nil, makeSink: (Int) -> Sink
    ) throws(JSONScanError) -> Sink {
        guard scanner.peek() == UInt8(ascii: "[") else { throw scanner.typeMismatch(expected: "an array") }
        let open = scanner.position, end = scanner.end
        // Bytes parsed since the `[` (by all parts) as the share of the file parsed.
        let progress = LoadProgress.observer.map { observer in
            PartsProgress { parsed in observer(.parsed(fraction: min(1, Double(open + parsed) / Double(max(1, end))))) }
        }
        let cancelled = LoadCancellation.isRequested
        if scanner.end - open >= parallelThreshold {
            let starts = partStarts(open: open, end: scanner.end, partSize: partSize) { findBoundary(in: scanner, near: $0) }
            if starts.count > 1 {
                if let (sink, next) = try readParts(
                    scanner, starts: starts, source: source, cancelled: cancelled, progress: progress, makeSink: makeSink)
                {
                    scanner.position = next
                    return sink
                }
            }
        }
        var sink = makeSink(scanner.end - open)
        _ = try readElements(
            &scanner, into: &sink, opensArray: true, stopAt: nil,
            stride: Stride(source: source, start: open, cancelled: cancelled, progress: progress?.reporter(from: open)))
        return sink
    }

    /// What happens between two runs of `LoadProgress.elementStride` elements of one thread.
    struct Stride: @unchecked Sendable {
        let source: SourceBytes?
        var start: Int
        let cancelled: LoadCancellation.Check
        let progress: (@Sendable (Int) -> Void)?

        /// Called every `cancellationStride` elements, with the element's index.
        mutating func reached(_ position: Int, index: Int) throws(JSONScanError) {
            if cancelled() { throw JSONScanError.cancelled }
            guard index & (LoadProgress.elementStride - 1) == 0 else { return }
            progress?(position)
            if let source, position > start {
                source.discard(start..<position)
                start = position
            }
        }
    }

    /// Reads elements (after the array's `[` when `opensArray`) until the `]`, or, with `stopAt`,
    /// until an element ends exactly there. Returns where it stopped: `stopAt`, or just after the
    /// `]` when there is no `stopAt`; nil when it went past `stopAt` or met the `]` before it.
    private static func readElements<Sink: ObjectArraySink>(
        _ scanner: inout JSONScanner, into sink: inout Sink, opensArray: Bool, stopAt boundary: Int?, stride: Stride
    ) throws(JSONScanError) -> Int? {
        var stride = stride
        if opensArray { try scanner.enterArray() }
        var index = 0
        while true {
            if let boundary, index > 0 {
                if scanner.position == boundary { return boundary }
                if scanner.position > boundary { return nil }
            }
            if index & (cancellationStride - 1) == 0 { try stride.reached(scanner.position, index: index) }
            guard try scanner.nextElement() else { return boundary == nil ? scanner.position : nil }
            try within(.index(index)) { () throws(JSONScanError) in try sink.readElement(&scanner, index: index) }
            index += 1
        }
    }

    /// The offset just after a `}` followed by `,` and `{` (whitespace allowed), searched
    /// forward from `middle` within 1 MiB.
    static func findBoundary(in scanner: JSONScanner, near middle: Int) -> Int? {
        let limit = min(scanner.end, middle + (1 << 20))
        var index = middle
        func skipSpace(_ i: inout Int) {
            while i < limit, [0x20, 0x0A, 0x0D, 0x09].contains(scanner.base[i]) { i += 1 }
        }
        while index < limit {
            if scanner.base[index] == UInt8(ascii: "}") {
                var probe = index + 1
                skipSpace(&probe)
                if probe < limit && scanner.base[probe] == UInt8(ascii: ",") {
                    probe += 1
                    skipSpace(&probe)
                    if probe < limit && scanner.base[probe] == UInt8(ascii: "{") { return index + 1 }
                }
            }
            index += 1
        }
        return nil
    }

    /// The array's `[` (at `open`), then an element boundary near every `partSize` bytes up to
    /// `end`, strictly rising; `boundary(near)` finds the one after a nominal start, or nil (that
    /// part then stays with the one before).
    static func partStarts(open: Int, end: Int, partSize: Int, boundary: (Int) -> Int?) -> [Int] {
        let count = min(maxParts, max(2, (end - open) / max(1, partSize)))
        var starts = [open]
        for i in 1..<count {
            let near = open + (end - open) / count * i
            guard near > starts.last!, let found = boundary(near), found > starts.last! else { continue }
            starts.append(found)
        }
        return starts
    }

    static let partSize = 2 << 20
    static let maxParts = 64

    /// The parts in parallel, handed to the cores as they free up; nil when a part's start is not
    /// confirmed (the part before it does not end exactly there) or a part fails. A cancellation
    /// in any part is thrown.
    private static func readParts<Sink: ObjectArraySink>(
        _ scanner: JSONScanner, starts: [Int], source: SourceBytes?, cancelled: @escaping LoadCancellation.Check,
        progress: PartsProgress?, makeSink: (Int) -> Sink
    ) throws(JSONScanError) -> (Sink, Int)? {
        let ends = Array(starts.dropFirst()) + [scanner.end]
        let parts = Parts(sinks: starts.indices.map { makeSink(ends[$0] - starts[$0]) })
        let bytes = SharedBytes(buffer: UnsafeBufferPointer(start: scanner.base, count: scanner.end))
        DispatchQueue.concurrentPerform(iterations: starts.count) { i in
            var partScanner = JSONScanner(bytes.buffer, from: starts[i])
            var sink = parts.sinks[i]
            parts.sinks[i] = nil
            let report = progress?.reporter(from: starts[i])
            let stride = Stride(source: source, start: starts[i], cancelled: cancelled, progress: report)
            do {
                parts.ends[i] = try readElements(
                    &partScanner, into: &sink!, opensArray: i == 0, stopAt: i + 1 < starts.count ? starts[i + 1] : nil,
                    stride: stride)
                // Progress is reported every few thousand elements; a part's end counts all of it.
                if let end = parts.ends[i] { report?(end) }
            } catch let error as JSONScanError where error.kind == .cancelled {
                parts.cancelled[i] = true
            } catch {
                parts.ends[i] = nil
            }
            parts.sinks[i] = sink
        }
        if parts.cancelled.contains(true) { throw JSONScanError.cancelled }
        // Each part ended where the next one starts, the last just after the array's `]`
        // (`readElements` answers nil otherwise).
        guard !parts.ends.contains(where: { $0 == nil }) else { return nil }
        var sink = parts.sinks[0]!
        for i in 1..<starts.count {
            sink.append(contentsOf: parts.sinks[i]!)
            parts.sinks[i] = nil
        }
        return (sink, parts.ends[starts.count - 1]!)
    }

    /// The document's bytes, read (never written) by all threads.
    private struct SharedBytes: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }

    /// The parts' state: each slot is written by one thread only (hence raw buffers, not arrays
    /// whose setters all threads would call).
    private final class Parts<Sink>: @unchecked Sendable {
        let sinks: UnsafeMutableBufferPointer<Sink?>
        let ends: UnsafeMutableBufferPointer<Int?>
        let cancelled: UnsafeMutableBufferPointer<Bool>

        init(sinks: [Sink]) {
            self.sinks = .allocate(capacity: sinks.count)
            _ = self.sinks.initialize(from: sinks.map { Optional($0) })
            ends = .allocate(capacity: sinks.count)
            ends.initialize(repeating: nil)
            cancelled = .allocate(capacity: sinks.count)
            cancelled.initialize(repeating: false)
        }

        deinit {
            sinks.deinitialize().deallocate()
            ends.deinitialize().deallocate()
            cancelled.deinitialize().deallocate()
        }
    }
}
