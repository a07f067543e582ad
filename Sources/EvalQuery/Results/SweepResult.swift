import EvalCore

/// `sweep [CLASS]`: precision, recall and F1 at every distinct confidence, and the best-F1
/// threshold overall and per class.
public struct SweepResult: Sendable {
    public var sweep: ConfidenceSweep
    public var labels: [String]
    /// The class asked for (`sweep car`); nil for all classes.
    public var classIndex: Int?
    /// The confidence threshold of the operating point, marked on the chart.
    public var currentConfidence: Double

    public init(sweep: ConfidenceSweep, labels: [String], classIndex: Int?, currentConfidence: Double) {
        self.sweep = sweep
        self.labels = labels
        self.classIndex = classIndex
        self.currentConfidence = currentConfidence
    }

    /// The curve drawn: the class's, or all classes together.
    public var curve: ConfidenceSweep.Curve {
        classIndex.map { sweep.perClass[$0] } ?? sweep.overall
    }

    public var subject: String { classIndex.map { labels[$0] } ?? "all classes" }
}
