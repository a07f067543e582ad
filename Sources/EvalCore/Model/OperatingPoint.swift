/// The thresholds at which the confusion matrix and the per-image counts are read
/// (`semantics.md` §2). The seed's defaults are `iou = 0.5`, `confidence = 0.5`.
public struct OperatingPoint: Equatable, Hashable, Sendable {
    public var iou: Double
    public var confidence: Double

    public init(iou: Double = 0.5, confidence: Double = 0.5) {
        self.iou = iou
        self.confidence = confidence
    }

    public static let seedDefault = OperatingPoint()
}
