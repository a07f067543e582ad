/// What became of one prediction at an operating point (`semantics.md` §2).
public enum DetectionFate: Equatable, Sendable {
    /// Its score is below the confidence threshold: not part of the operating point.
    case belowConfidence
    /// Matched a ground truth of its own class in the class-aware pass.
    case truePositive(groundTruth: Int32, iou: Double)
    /// Matched a ground truth of another class in the confusion pass.
    case confused(groundTruth: Int32, iou: Double)
    /// Lies on a crowd region of its own class: neither true nor false.
    case setAside(crowd: Int32, iou: Double)
    /// Matched nothing: cell `[none][class]`.
    case falsePositive
    /// Its image is excluded from the evaluation (image mask): not part of the operating point.
    case excluded
}

/// What became of one ground-truth object at an operating point.
public enum GroundTruthFate: Equatable, Sendable {
    case found(detection: Int32, iou: Double)
    case confusedAs(detection: Int32, iou: Double)
    case missed
    /// `iscrowd = 1`: no object to find.
    case crowd
    /// Its image is excluded from the evaluation.
    case excluded
}
