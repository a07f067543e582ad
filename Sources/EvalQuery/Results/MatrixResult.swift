import EvalCore

/// `matrix`: the confusion matrix with its labels.
public struct MatrixResult: Equatable, Sendable {
    public enum Normalization: Equatable, Sendable {
        case none
        /// Each row sums to 1 (recall view).
        case groundTruth
        /// Each column sums to 1 (precision view).
        case prediction
    }

    /// Class names in label-map order, without the background.
    public var labels: [String]
    /// `(n+1)×(n+1)` counts: rows ground truth, columns predictions, last row and column background.
    public var counts: [[Int]]
    public var normalization: Normalization
    /// `matrix top N`: how many classes to keep (the most involved in confusions); nil for "fit".
    public var top: Int?
    public var point: OperatingPoint
    /// Whose matrix it is, when several are shown (`compare A B matrix`).
    public var subject: String?

    public init(
        labels: [String], counts: [[Int]], normalization: Normalization = .none, top: Int? = nil, point: OperatingPoint,
        subject: String? = nil
    ) {
        self.labels = labels
        self.counts = counts
        self.normalization = normalization
        self.top = top
        self.point = point
        self.subject = subject
    }

    /// The value shown in a cell: the count, or the row or column fraction.
    public func value(_ row: Int, _ column: Int) -> Double {
        let c = Double(counts[row][column])
        switch normalization {
        case .none: return c
        case .groundTruth:
            let s = counts[row].reduce(0, +)
            return s == 0 ? 0 : c / Double(s)
        case .prediction:
            let s = counts.reduce(0) { $0 + $1[column] }
            return s == 0 ? 0 : c / Double(s)
        }
    }
}
