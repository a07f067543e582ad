import Foundation

/// One pushed version of an experiment in the local store (metadata and figures, no columns).
public struct StoredVersion: Equatable, Sendable {
    /// What a version holds.
    public enum Kind: String, Equatable, Sendable {
        /// Ground truth and predictions: pulled back, it is the evaluation that was pushed.
        case boxes
        /// The two Picsellia logs of an evaluation that never had boxes here.
        case payload
    }

    public var experiment: String
    /// 1 for the first push of the experiment, then 2, 3… (a forgotten number is never reused).
    public var number: Int
    public var createdAt: Date
    public var message: String?
    public var edits: [String]
    public var source: String?
    public var kind: Kind
    public var summary: VersionSummary
    /// Bytes of the blobs the version refers to (shared ones included).
    public var storedBytes: Int
    /// For a payload: lowercase hex SHA-256 of the evaluation document.
    public var evaluationSHA256: String?
    /// For a payload: sizes of its two documents (the matrix's `nil` when none was pushed).
    public var evaluationBytes: Int?
    public var confusionMatrixBytes: Int?

    public init(
        experiment: String, number: Int, createdAt: Date, message: String?, edits: [String], source: String?,
        kind: Kind, summary: VersionSummary, storedBytes: Int, evaluationSHA256: String? = nil,
        evaluationBytes: Int? = nil, confusionMatrixBytes: Int? = nil
    ) {
        self.experiment = experiment
        self.number = number
        self.createdAt = createdAt
        self.message = message
        self.edits = edits
        self.source = source
        self.kind = kind
        self.summary = summary
        self.storedBytes = storedBytes
        self.evaluationSHA256 = evaluationSHA256
        self.evaluationBytes = evaluationBytes
        self.confusionMatrixBytes = confusionMatrixBytes
    }
}
