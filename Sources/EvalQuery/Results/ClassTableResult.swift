import EvalCore

/// `classes`: one row per class (sorted as asked).
public struct ClassTableResult: Equatable, Sendable {
    public var rows: [ClassTotals]
    public var point: OperatingPoint
    /// The column `classes sort` ordered the rows by, as its header reads (`F1`, `FN`, `class`),
    /// so that a narrow view keeps it; nil in label-map order.
    public var sortedBy: String?

    public init(rows: [ClassTotals], point: OperatingPoint, sortedBy: String? = nil) {
        self.rows = rows
        self.point = point
        self.sortedBy = sortedBy
    }
}
