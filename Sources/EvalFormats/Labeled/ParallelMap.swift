import Dispatch

/// Maps `items` on every core (files of a folder are independent), keeping input order; the
/// first error in input order is rethrown, so the result never depends on thread timing.
/// The per-file `.reading` progress events are held back (thousands of small files would flood
/// the progress line); the others go to the load's observer.
func parallelMap<T: Sendable, R: Sendable>(
    _ items: [T], _ transform: @Sendable (T) throws(FormatError) -> R
) throws(FormatError) -> [R] {
    guard let outer = LoadProgress.observer else { return try mapOnCores(items, transform) }
    return try LoadProgress.observing({ event in
        if case .reading = event { return }
        outer(event)
    }) { () throws(FormatError) -> [R] in try mapOnCores(items, transform) }
}

private func mapOnCores<T: Sendable, R: Sendable>(
    _ items: [T], _ transform: @Sendable (T) throws(FormatError) -> R
) throws(FormatError) -> [R] {
    let count = items.count
    guard count > 1 else {
        var out: [R] = []
        for item in items { out.append(try transform(item)) }
        return out
    }
    let results = UnsafeMutableBufferPointer<Result<R, FormatError>?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer { results.deinitialize(); results.deallocate() }
    let chunks = min(count, 64)
    let slots = UnsafeSendable(results)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let start = count * chunk / chunks
        let end = count * (chunk + 1) / chunks
        for i in start..<end {
            do throws(FormatError) {
                slots.value[i] = .success(try transform(items[i]))
            } catch {
                slots.value[i] = .failure(error)
                return
            }
        }
    }
    var out: [R] = []
    out.reserveCapacity(count)
    for i in 0..<count {
        switch results[i] {
        case .success(let value): out.append(value)
        case .failure(let error): throw error
        case nil: preconditionFailure("a chunk stopped before its error")
        }
    }
    return out
}

/// A buffer written at disjoint indices by the threads of `concurrentPerform`.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
