import Dispatch

/// A buffer that several threads write at disjoint indices.
///
/// Strict concurrency cannot see that the indices are disjoint, hence `@unchecked Sendable`;
/// every user writes each index from exactly one iteration of a `parallelFor`.
struct SharedBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>

    init(_ base: UnsafeMutableBufferPointer<Element>) {
        self.base = base
    }

    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}

/// Runs `body(chunk)` for `chunk in 0..<chunks` on all cores and returns when all are done.
///
/// One chunk runs inline, which avoids Dispatch's overhead for the tiny inputs of tests.
func parallelFor(_ chunks: Int, _ body: @Sendable (Int) -> Void) {
    if chunks <= 1 {
        if chunks == 1 { body(0) }
        return
    }
    DispatchQueue.concurrentPerform(iterations: chunks, execute: body)
}

/// Splits `0..<count` into `chunks` contiguous ranges of near-equal size.
func chunkRange(_ chunk: Int, of chunks: Int, count: Int) -> Range<Int> {
    let lower = count * chunk / chunks
    let upper = count * (chunk + 1) / chunks
    return lower..<upper
}

/// Builds an array of `count` elements whose slots are filled in parallel by `fill`, which gets
/// the shared output buffer; `initial` is the value of slots that `fill` leaves alone.
func parallelArray<Element>(
    count: Int, initial: Element, _ fill: (SharedBuffer<Element>) -> Void
) -> [Element] {
    var result = [Element](repeating: initial, count: count)
    result.withUnsafeMutableBufferPointer { fill(SharedBuffer($0)) }
    return result
}
