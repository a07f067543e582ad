import Synchronization

/// One progress figure for an array parsed in parts on several threads: each part reports the
/// positions it reaches, and `report` gets the bytes all parts have parsed so far.
final class PartsProgress: Sendable {
    private let parsed = Mutex(0)
    private let report: @Sendable (Int) -> Void

    init(report: @escaping @Sendable (Int) -> Void) {
        self.report = report
    }

    /// The reporter of the part that starts at offset `start` (called by that part's thread only).
    func reporter(from start: Int) -> @Sendable (Int) -> Void {
        let mark = Mark(start)
        return { position in
            let total = self.parsed.withLock {
                $0 += position - mark.position
                return $0
            }
            mark.position = position
            self.report(total)
        }
    }

    /// Where one part last reported (read and written by that part's thread only).
    private final class Mark: @unchecked Sendable {
        var position: Int
        init(_ position: Int) { self.position = position }
    }
}
