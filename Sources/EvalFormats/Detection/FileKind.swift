/// What an evaluation file holds, told from its content (never from its name).
public enum FileKind: Equatable, Sendable, CustomStringConvertible {
    /// A COCO dataset: `images`, `categories`, `annotations` without scores.
    case cocoGroundTruth
    /// A COCO results list: `[{"image_id", "category_id", "bbox", "score"}, …]`.
    case cocoResults
    /// A whole COCO dataset file whose `annotations` carry a `score`: predictions.
    case cocoDatasetWithScores
    /// A Picsellia `evaluation` log (`per_image_eval`, `filename_matrix`, …).
    case picselliaEvaluation
    /// A Picsellia `confusion-matrix` log (`categories`, `values`).
    case picselliaConfusionMatrix

    /// True for the two kinds that hold predictions.
    public var holdsPredictions: Bool { self == .cocoResults || self == .cocoDatasetWithScores }

    public var description: String {
        switch self {
        case .cocoGroundTruth: return "COCO ground truth"
        case .cocoResults: return "COCO results list"
        case .cocoDatasetWithScores: return "COCO dataset with scores"
        case .picselliaEvaluation: return "Picsellia evaluation payload"
        case .picselliaConfusionMatrix: return "Picsellia confusion matrix"
        }
    }
}
