import Dispatch

/// Collects the elements of a JSON array of objects (annotations, results) into columns.
protocol ObjectArraySink: Sendable {
    /// Reads the object at the scanner, element `index` of its half of the array.
    mutating func readElement(_ scanner: inout JSONScanner, index: Int) throws(JSONScanError)
    /// Appends the columns of the half that follows this one.
    mutating func append(contentsOf other: Self)
}

/// Reads a large array of objects on two cores.
///
/// The second half starts at a guessed element boundary (`}` `,` `{` after the middle byte)
/// and is parsed in parallel with the first half; the guess is accepted only if the first
/// half's own sequential parse ends at exactly that `}` at the array's level, which proves the
/// boundary was not inside a string or a nested value. If the guess is wrong or either half
/// fails, the whole array is parsed again sequentially, so that results and the first error
/// are exactly those of a sequential parse.
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
        let open = scanner.position
        let observer = LoadProgress.observer
        let cancelled = LoadCancellation.isRequested
        if scanner.end - open >= parallelThreshold,
            let boundary = findBoundary(in: scanner, near: open + (scanner.end - open) / 2)
        {
            let progress = observer.map { Self.progress($0, open: open, boundary: boundary, end: scanner.end) }
            let first = Stride(source: source, start: open, cancelled: cancelled, progress: progress)
            let second = Stride(source: source, start: boundary, cancelled: cancelled, progress: nil)
            if let (sink, next) = try readHalves(
                scanner, open: open, boundary: boundary, makeSink: makeSink, strides: (first, second))
            {
                scanner.position = next
                return sink
            }
        }
        var sink = makeSink(scanner.end - open)
        let progress = observer.map { Self.progress($0, open: open, boundary: scanner.end, end: scanner.end) }
        try readSequentially(
            &scanner, into: &sink, stopAt: nil,
            stride: Stride(source: source, start: open, cancelled: cancelled, progress: progress))
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

    /// Turns a position in `open..<boundary` into the share of the file parsed. The first
    /// half reports for both: the second, as long, goes at the same pace.
    private static func progress(
        _ observer: @escaping LoadProgress.Observer, open: Int, boundary: Int, end: Int
    ) -> @Sendable (Int) -> Void {
        let scale = Double(end - open) / Double(max(1, boundary - open))
        return { position in
            observer(.parsed(fraction: min(1, (Double(open) + Double(position - open) * scale) / Double(max(1, end)))))
        }
    }

    /// Reads elements until the `]`, or (with `stopAt`) until an element ends exactly at
    /// `stopAt`; returns whether it stopped there.
    @discardableResult
    private static func readSequentially<Sink: ObjectArraySink>(
        _ scanner: inout JSONScanner, into sink: inout Sink, stopAt boundary: Int?, stride: Stride
    ) throws(JSONScanError) -> Bool {
        var stride = stride
        try scanner.enterArray()
        var index = 0
        while true {
            if let boundary, index > 0 {
                if scanner.position == boundary { return true }
                if scanner.position > boundary { return false }
            }
            if index & (cancellationStride - 1) == 0 { try stride.reached(scanner.position, index: index) }
            guard try scanner.nextElement() else { return false }
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

    /// Both halves in parallel; nil when the boundary is not confirmed or a half fails. A
    /// cancellation in either half is thrown.
    private static func readHalves<Sink: ObjectArraySink>(
        _ scanner: JSONScanner, open: Int, boundary: Int, makeSink: (Int) -> Sink, strides: (Stride, Stride)
    ) throws(JSONScanError) -> (Sink, Int)? {
        let halves = Halves(first: makeSink(boundary - open), second: makeSink(scanner.end - boundary))
        let bytes = SharedBytes(buffer: UnsafeBufferPointer(start: scanner.base, count: scanner.end))
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 {
                var first = JSONScanner(bytes.buffer, from: open)
                do {
                    halves.firstConfirmed = try readSequentially(
                        &first, into: &halves.first, stopAt: boundary, stride: strides.0)
                } catch let error as JSONScanError where error.kind == .cancelled {
                    halves.firstCancelled = true
                } catch {
                    halves.firstConfirmed = false
                }
            } else {
                var second = JSONScanner(bytes.buffer, from: boundary)
                var stride = strides.1
                var index = 0
                do {
                    while try second.nextElement() {
                        try halves.second.readElement(&second, index: index)
                        index += 1
                        if index & (cancellationStride - 1) == 0 { try stride.reached(second.position, index: index) }
                    }
                    halves.secondEnd = second.position
                } catch let error as JSONScanError where error.kind == .cancelled {
                    halves.secondCancelled = true
                } catch {
                    halves.secondEnd = nil
                }
            }
        }
        if halves.firstCancelled || halves.secondCancelled { throw JSONScanError.cancelled }
        guard halves.firstConfirmed, let end = halves.secondEnd else { return nil }
        halves.first.append(contentsOf: halves.second)
        return (halves.first, end)
    }

    /// The document's bytes, read (never written) by both threads.
    private struct SharedBytes: @unchecked Sendable {
        let buffer: UnsafeBufferPointer<UInt8>
    }

    /// The two halves' state, each written by one thread only.
    private final class Halves<Sink>: @unchecked Sendable {
        var first: Sink
        var second: Sink
        var firstConfirmed = false
        var secondEnd: Int?
        var firstCancelled = false
        var secondCancelled = false

        init(first: Sink, second: Sink) {
            self.first = first
            self.second = second
        }
    }
}
