import EvalCore

/// Where `push`, `pull`, `log`, `experiments` and `forget` go. EvalQuery declares it and the
/// shell provides it (over EvalStore), so the query layer stays free of databases and HTTP.
public protocol StoreService: AnyObject {
    /// Sends the evaluation to `request.target`; returns a line saying where it went
    /// (`store:NAME (version 3)`).
    func push(_ request: StorePushRequest) throws(ExecutionError) -> String

    /// Reads an evaluation back from `target`: boxes from a boxes version of the local store,
    /// else the two logs (the confusion matrix may be absent).
    func pull(target: String) throws(ExecutionError) -> StorePullResult

    /// The versions of a stored experiment, with their figures.
    func log(name: String) throws(ExecutionError) -> ResultTable

    /// The stored experiments, each with its latest version's figures.
    func experiments() throws(ExecutionError) -> ResultTable

    /// Removes version(s) of the local store (`store:NAME@V` or every version of `store:NAME`) and
    /// reclaims their space. Without `force` a terminal asks first; a script must say `force`.
    func forget(target: String, force: Bool) throws(ExecutionError) -> String
}

/// What `push` hands the store.
public struct StorePushRequest {
    public enum Content {
        /// Ground truth and predictions, with the state they are at.
        case boxes(GroundTruth, Detections)
        /// A payload without boxes: only its logs exist.
        case payload
    }

    public var target: String
    public var content: Content
    public var point: OperatingPoint
    public var metrics: [(key: String, value: JSONValue)]
    /// Image indices left out.
    public var excluded: [Int]
    /// Class names, renames applied.
    public var labels: [String]
    public var figures: VersionFigures
    /// The two logs as they would be pushed; built only for targets that take logs (a file,
    /// Picsellia, a payload-only version), since at COCO scale they take a while.
    public var logs: () -> (evaluation: JSONValue, confusionMatrix: JSONValue)
    /// For a file target, the matrix's file when it is not the one beside the evaluation.
    public var confusionMatrixPath: String?
    public var message: String?
    /// The pending edits, "statement: effect".
    public var edits: [String]

    public init(
        target: String, content: Content, point: OperatingPoint, metrics: [(key: String, value: JSONValue)],
        excluded: [Int], labels: [String], figures: VersionFigures,
        logs: @escaping () -> (evaluation: JSONValue, confusionMatrix: JSONValue), confusionMatrixPath: String?,
        message: String?, edits: [String]
    ) {
        self.target = target
        self.content = content
        self.point = point
        self.metrics = metrics
        self.excluded = excluded
        self.labels = labels
        self.figures = figures
        self.logs = logs
        self.confusionMatrixPath = confusionMatrixPath
        self.message = message
        self.edits = edits
    }
}

/// The figures `log` lists for a version: COCO AP and AP50 (nil without boxes or recorded
/// statistics) and the operating point's precision, recall and F1 over the included images.
public struct VersionFigures: Equatable, Sendable {
    public var imageCount: Int
    public var ap: Double?
    public var ap50: Double?
    public var precision: Double
    public var recall: Double
    public var f1: Double

    public init(imageCount: Int, ap: Double?, ap50: Double?, precision: Double, recall: Double, f1: Double) {
        self.imageCount = imageCount
        self.ap = ap
        self.ap50 = ap50
        self.precision = precision
        self.recall = recall
        self.f1 = f1
    }
}

/// What `pull` brought back.
public enum StorePullResult {
    /// A stored evaluation with its boxes, at the state it was pushed in.
    case boxes(GroundTruth, Detections, point: OperatingPoint, metrics: [(key: String, value: JSONValue)],
               excluded: [Int], labels: [String])
    /// The two logs of a payload-only evaluation.
    case payload(evaluation: JSONValue, confusionMatrix: JSONValue?)
}
