import EvalCore

/// The numbers of an evaluation at its current state, whichever source it came from: what
/// `images`, `where`, `cell`, `matrix` and `summary` read.
public struct EvaluationView: Sendable {
    public var labels: [String]
    /// Every image's filename, excluded ones included (indices are stable across edits).
    public var filenames: [String]
    /// The images that count, in order.
    public var included: [Int]
    public var classCount: Int { labels.count }
    /// Objects, predictions, TP, FP and FN per image (every image, excluded ones counting 0) and class.
    public var counts: ImageClassCounts
    /// The confusion matrix; nil for a payload loaded without its confusion-matrix log.
    public var confusion: [[Int]]?
    /// The engine's full result when boxes are loaded (fates for `show`).
    public var result: OperatingPointResult?
    /// A payload's `filename_matrix` (images per cell, without counts).
    var filenameMatrix: [[[String]]]?
    /// Where a filename is in `filenames`.
    public var indexByFilename: [String: Int]

    public init(
        labels: [String], filenames: [String], included: [Int], counts: ImageClassCounts, confusion: [[Int]]?,
        result: OperatingPointResult?, filenameMatrix: [[[String]]]?
    ) {
        self.labels = labels
        self.filenames = filenames
        self.included = included
        self.counts = counts
        self.confusion = confusion
        self.result = result
        self.filenameMatrix = filenameMatrix
        var index: [String: Int] = [:]
        index.reserveCapacity(filenames.count)
        for (i, name) in filenames.enumerated() where index[name] == nil { index[name] = i }
        self.indexByFilename = index
    }

    /// The images behind confusion cell `[row][column]` (`classCount` is background), with how
    /// many objects of the cell each holds (nil where a payload does not say).
    public func images(inCell row: Int, _ column: Int) -> [(image: Int, count: Int?)] {
        if let result {
            return result.images(inCell: row, column).map { (Int($0.image), Int($0.count)) }
        }
        guard let matrix = filenameMatrix, row < matrix.count, column < matrix[row].count else { return [] }
        let includedSet = Set(included)
        return matrix[row][column].compactMap { name in
            guard let i = indexByFilename[name], includedSet.contains(i) else { return nil }
            return (i, nil)
        }
    }

    /// Totals over the included images, for one class or all.
    public func totals(classIndex: Int? = nil) -> Totals { counts.totals(images: included, classIndex: classIndex) }

    /// Totals over the included images, per class.
    public func perClassTotals() -> [Totals] { counts.perClassTotals(images: included) }

    /// One image's counts as a result row.
    public func row(_ image: Int, extra: Int? = nil) -> ImageRow {
        ImageRow(filename: filenames[image], counts: counts.image(image), extra: extra)
    }
}
