import EvalCore
import Foundation

/// Everything a version of the local store holds to rebuild an evaluation: its boxes (or, for an
/// evaluation that only ever was a Picsellia payload, the two logs), the state the user left it
/// in, and the figures `log` shows.
public struct StoredEvaluation: Sendable {
    public enum Content: Sendable {
        /// Ground truth and predictions: pulled back, every number can be recomputed.
        case boxes(GroundTruth, Detections)
        /// A payload read from a file or Picsellia: it has no boxes and stays a payload.
        case payload(EvaluationDocuments)
    }

    public var content: Content
    /// For boxes; a payload's live in its documents.
    public var state: StoredState
    public var summary: VersionSummary

    public init(content: Content, state: StoredState, summary: VersionSummary) {
        self.content = content
        self.state = state
        self.summary = summary
    }

    public var hasBoxes: Bool {
        if case .boxes = content { return true }
        return false
    }
}

/// The edits' outcome at push time: operating point, metrics, excluded images, class names.
public struct StoredState: Sendable {
    public var point: OperatingPoint
    /// Name → value in the order they were set.
    public var metrics: [(key: String, value: JSONValue)]
    /// Indices into the ground truth's images of the images left out.
    public var excluded: [Int]
    /// Class names in label-map order, renames applied.
    public var labels: [String]

    public init(point: OperatingPoint, metrics: [(key: String, value: JSONValue)], excluded: [Int], labels: [String]) {
        self.point = point
        self.metrics = metrics
        self.excluded = excluded
        self.labels = labels
    }
}

/// The figures of a version that `log` and `experiments` list, computed when it was pushed.
/// `nil` where the evaluation could not say (a payload without recorded COCO statistics).
public struct VersionSummary: Equatable, Sendable {
    public var point: OperatingPoint?
    public var imageCount: Int?
    public var ap: Double?
    public var ap50: Double?
    public var precision: Double?
    public var recall: Double?
    public var f1: Double?

    public init(
        point: OperatingPoint? = nil, imageCount: Int? = nil, ap: Double? = nil, ap50: Double? = nil,
        precision: Double? = nil, recall: Double? = nil, f1: Double? = nil
    ) {
        self.point = point
        self.imageCount = imageCount
        self.ap = ap
        self.ap50 = ap50
        self.precision = precision
        self.recall = recall
        self.f1 = f1
    }
}
