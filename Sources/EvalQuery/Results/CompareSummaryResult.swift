import EvalCore

/// `compare A B`: the COCO statistics and the operating point's rates and counts of both sides
/// over the images they share, with the change B − A.
public struct CompareSummaryResult: Equatable, Sendable {
    /// One value of both sides; nil where a side has none (no COCO statistics).
    public struct Row: Equatable, Sendable {
        public var name: String
        public var a: Double?
        public var b: Double?
        /// Whether the value depends on the operating point (rates and counts do, COCO statistics do not).
        public var dependsOnPoint: Bool
        public var higherIsBetter: Bool
        /// A count, not a fraction.
        public var whole: Bool

        public init(name: String, a: Double?, b: Double?, dependsOnPoint: Bool, higherIsBetter: Bool, whole: Bool = false) {
            self.name = name
            self.a = a
            self.b = b
            self.dependsOnPoint = dependsOnPoint
            self.higherIsBetter = higherIsBetter
            self.whole = whole
        }
    }

    /// Why a side shows no COCO statistics.
    public enum MissingStatistics: Equatable, Sendable {
        /// No boxes to compute them, and none recorded in the payload's metrics.
        case noBoxes
        /// A payload recorded them for all its images, but the sides share only some.
        case recordedForAllImages
    }

    public var a: String
    public var b: String
    public var rows: [Row]
    /// The operating point of both sides, when they count at the same one.
    public var sharedPoint: OperatingPoint?
    /// The sides whose COCO statistics are those recorded in their metrics, not computed.
    public var recordedSides: [String]
    /// The sides without COCO statistics, and why.
    public var missing: [(side: String, reason: MissingStatistics)]

    public init(
        a: String, b: String, rows: [Row], sharedPoint: OperatingPoint?, recordedSides: [String],
        missing: [(side: String, reason: MissingStatistics)]
    ) {
        self.a = a
        self.b = b
        self.rows = rows
        self.sharedPoint = sharedPoint
        self.recordedSides = recordedSides
        self.missing = missing
    }

    public static func == (l: Self, r: Self) -> Bool {
        l.a == r.a && l.b == r.b && l.rows == r.rows && l.sharedPoint == r.sharedPoint && l.recordedSides == r.recordedSides
            && l.missing.map(\.side) == r.missing.map(\.side) && l.missing.map(\.reason) == r.missing.map(\.reason)
    }
}
