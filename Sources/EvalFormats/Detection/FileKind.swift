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
    /// An Ultralytics `data.yaml` (its `val` split, else `test`).
    case yoloDataset
    /// A folder of YOLO label files (`class cx cy w h`).
    case yoloLabels
    /// A folder of YOLO prediction files (`class cx cy w h conf`, `save_txt=True save_conf=True`).
    case yoloPredictions
    /// A Pascal VOC folder of XML files (or a devkit folder with `Annotations/`).
    case vocAnnotations
    /// A CVAT for images 1.1 XML export.
    case cvatImages
    /// A LabelMe JSON file, or a folder of them.
    case labelMe
    /// An Open Images box CSV with a `Source` column (ground truth).
    case openImages
    /// An Open Images box CSV without `Source` (predictions, `Confidence` the score).
    case openImagesPredictions

    /// True for the two kinds that hold predictions.
    public var holdsPredictions: Bool {
        self == .cocoResults || self == .cocoDatasetWithScores || self == .yoloPredictions
            || self == .openImagesPredictions
    }

    /// True for the kinds read through `LabeledSet` (folders and non-JSON files).
    public var isLabeled: Bool {
        switch self {
        case .yoloDataset, .yoloLabels, .yoloPredictions, .vocAnnotations, .cvatImages, .labelMe, .openImages,
            .openImagesPredictions:
            return true
        default: return false
        }
    }

    public var description: String {
        switch self {
        case .cocoGroundTruth: return "COCO ground truth"
        case .cocoResults: return "COCO results list"
        case .cocoDatasetWithScores: return "COCO dataset with scores"
        case .picselliaEvaluation: return "Picsellia evaluation payload"
        case .picselliaConfusionMatrix: return "Picsellia confusion matrix"
        case .yoloDataset: return "YOLO data.yaml"
        case .yoloLabels: return "YOLO labels folder"
        case .yoloPredictions: return "YOLO predictions folder"
        case .vocAnnotations: return "Pascal VOC folder"
        case .cvatImages: return "CVAT for images 1.1 XML"
        case .labelMe: return "LabelMe JSON"
        case .openImages: return "Open Images CSV"
        case .openImagesPredictions: return "Open Images predictions CSV"
        }
    }
}
