extension ConfusionMatrixLog {
    /// The Picsellia `confusion-matrix` log of an operating point: label names and the
    /// `(n+1)×(n+1)` matrix as floats, rows ground truth, last row and column background.
    public init(_ result: OperatingPointResult, labels: [String]) {
        self.init(categories: labels, values: result.confusion.map { $0.map(Double.init) })
    }
}
