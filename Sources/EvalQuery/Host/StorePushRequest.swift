import EvalCore

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
