import EvalCore

/// `errors [CLASS]`: TIDE's breakdown (dAP in AP points per error type), overall and per class.
public struct ErrorBreakdownResult: Sendable {
    public var breakdown: TIDEBreakdown
    public var labels: [String]
    /// The class asked for (`errors car`); nil for all classes.
    public var classIndex: Int?

    public init(breakdown: TIDEBreakdown, labels: [String], classIndex: Int?) {
        self.breakdown = breakdown
        self.labels = labels
        self.classIndex = classIndex
    }

    /// The special errors in TIDE's order with the names it prints.
    public static func special(_ values: TIDEBreakdown.Values) -> [(name: String, value: Double)] {
        [("FalsePos", values.falsePositive), ("FalseNeg", values.falseNegative)]
    }

    /// The values shown: the class's when one was asked for, else the overall ones. Nil when
    /// TIDE leaves the class out (neither ground truth nor predictions).
    public var shown: TIDEBreakdown.Values? {
        classIndex.map { breakdown.perClass[$0] } ?? breakdown.overall
    }
}
