/// The Picsellia `evaluation` log (type `EVALUATION`), field for field as
/// `shared/spec/picsellia-evaluation.md` describes it. Counts are `Double` because the
/// platform stores them as floats (`9.0`); they are whole numbers in any payload evalsh writes.
public struct PicselliaEvaluation: Equatable, Sendable {
    /// Category ids as strings, in label-map order (`["1", "2"]`).
    public var categories: [String]
    /// Label names, same order as `categories`.
    public var labels: [String]
    /// Total predicted objects per class (Σ `nbPreds` over images).
    public var totalObjects: [Double]
    public var perImage: [PicselliaImageEval]
    /// `(n+1)×(n+1)` lists of filenames; last row and column are background.
    public var filenameMatrix: [[[String]]]
    /// Name → value, in the order read or set. `nil` when the payload had no `metrics` key.
    public var metrics: [(key: String, value: JSONValue)]?

    public init(
        categories: [String], labels: [String], totalObjects: [Double], perImage: [PicselliaImageEval],
        filenameMatrix: [[[String]]], metrics: [(key: String, value: JSONValue)]?
    ) {
        self.categories = categories
        self.labels = labels
        self.totalObjects = totalObjects
        self.perImage = perImage
        self.filenameMatrix = filenameMatrix
        self.metrics = metrics
    }

    public var classCount: Int { labels.count }

    public static func == (lhs: PicselliaEvaluation, rhs: PicselliaEvaluation) -> Bool {
        lhs.categories == rhs.categories && lhs.labels == rhs.labels && lhs.totalObjects == rhs.totalObjects
            && lhs.perImage == rhs.perImage && lhs.filenameMatrix == rhs.filenameMatrix
            && JSONValue.object(lhs.metrics ?? []) == JSONValue.object(rhs.metrics ?? [])
            && (lhs.metrics == nil) == (rhs.metrics == nil)
    }
}

/// One `per_image_eval` entry.
public struct PicselliaImageEval: Equatable, Sendable {
    public var filename: String
    public var nbObjects: [Double]
    public var nbPreds: [Double]
    public var tp: [Double]
    public var fp: [Double]
    public var fn: [Double]
    /// Each prediction's box normalized by the image size, `[ymin, xmin, ymax, xmax]`.
    public var bbox: [[Double]]
    /// Each prediction's category id.
    public var classes: [Int]

    public init(
        filename: String, nbObjects: [Double], nbPreds: [Double], tp: [Double], fp: [Double], fn: [Double],
        bbox: [[Double]], classes: [Int]
    ) {
        self.filename = filename
        self.nbObjects = nbObjects
        self.nbPreds = nbPreds
        self.tp = tp
        self.fp = fp
        self.fn = fn
        self.bbox = bbox
        self.classes = classes
    }
}

/// The Picsellia `confusion-matrix` log (type `HEATMAP`).
public struct ConfusionMatrixLog: Equatable, Sendable {
    /// Label names (`n`).
    public var categories: [String]
    /// `(n+1)×(n+1)`, rows ground truth, columns predictions, last row and column background.
    public var values: [[Double]]

    public init(categories: [String], values: [[Double]]) {
        self.categories = categories
        self.values = values
    }
}
