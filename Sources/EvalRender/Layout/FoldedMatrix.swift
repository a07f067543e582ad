import EvalQuery

/// A confusion matrix reduced to some of its classes: the others are summed into one `other`
/// row and column, so row and column totals stay those of the full matrix.
///
/// The `other` × `other` count holds both the folded classes' correct predictions and their
/// confusions with one another; the heatmap shows only the confusions there (`shownCount`), so
/// that every cell off the diagonal is an error.
struct FoldedMatrix {
    /// Label-map indices of the classes kept, in label-map order.
    let kept: [Int]
    /// How many classes were folded into `other` (0: no `other` row or column).
    let foldedCount: Int
    /// The folded matrix: labels are the kept names (then `other`), background last.
    let matrix: MatrixResult
    /// The folded classes' correct predictions (their own diagonal), inside `other` × `other`.
    let otherCorrect: Int

    /// Keeps the `count` classes ranked first by `ranking`.
    init(_ source: MatrixResult, keeping count: Int, ranking: [Int]) {
        let n = source.labels.count
        let keptSet = Set(ranking.prefix(count))
        kept = (0..<n).filter(keptSet.contains)
        foldedCount = n - kept.count
        let hasOther = foldedCount > 0
        let size = kept.count + (hasOther ? 1 : 0) + 1
        let background = size - 1
        // Where each source row/column goes in the folded matrix.
        var target = Array(repeating: kept.count, count: n + 1)
        for (position, index) in kept.enumerated() { target[index] = position }
        target[n] = background
        var counts = Array(repeating: Array(repeating: 0, count: size), count: size)
        for r in 0...n {
            let tr = target[r]
            let sourceRow = source.counts[r]
            for c in 0...n { counts[tr][target[c]] += sourceRow[c] }
        }
        otherCorrect = (0..<n).filter { !keptSet.contains($0) }.reduce(0) { $0 + source.counts[$1][$1] }
        let labels = kept.map { source.labels[$0] } + (hasOther ? ["other"] : [])
        matrix = MatrixResult(
            labels: labels, counts: counts, normalization: source.normalization, top: nil, point: source.point,
            subject: source.subject)
    }

    var hasOther: Bool { foldedCount > 0 }

    /// True for the `other` × `other` cell.
    func isOtherDiagonal(_ r: Int, _ c: Int) -> Bool { hasOther && r == kept.count && c == kept.count }

    /// The count a cell shows: its count, less the folded classes' correct predictions in
    /// `other` × `other`, which leaves the confusions between folded classes.
    func shownCount(_ r: Int, _ c: Int) -> Int {
        matrix.counts[r][c] - (isOtherDiagonal(r, c) ? otherCorrect : 0)
    }

    /// The value a cell shows (a count, or a fraction when normalized), for `shownCount`; a
    /// normalized value keeps the row's or column's full total as its denominator.
    func shownValue(_ r: Int, _ c: Int) -> Double {
        let count = matrix.counts[r][c]
        guard count > 0 else { return 0 }
        return matrix.value(r, c) * Double(shownCount(r, c)) / Double(count)
    }

    /// Classes by how much they take part in errors, most first: the off-diagonal sums of
    /// their row and column (confusions, misses and unmatched predictions); ties keep label order.
    static func ranking(_ source: MatrixResult) -> [Int] {
        let n = source.labels.count
        var involvement = Array(repeating: 0, count: n)
        for r in 0...n {
            for c in 0...n where r != c {
                if r < n { involvement[r] += source.counts[r][c] }
                if c < n { involvement[c] += source.counts[r][c] }
            }
        }
        return (0..<n).sorted { involvement[$0] > involvement[$1] || (involvement[$0] == involvement[$1] && $0 < $1) }
    }
}
