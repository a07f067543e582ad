import Foundation

/// One pushed version of an experiment in the local store (metadata only).
public struct StoredVersion: Equatable, Sendable {
    public var experiment: String
    /// 1 for the first push of the experiment, then 2, 3… without gaps.
    public var number: Int
    public var createdAt: Date
    public var message: String?
    public var edits: [String]
    public var source: String?
    /// Lowercase hex SHA-256 of the evaluation document.
    public var evaluationSHA256: String
    public var evaluationBytes: Int
    /// Size of the confusion-matrix document; `nil` when none was pushed.
    public var confusionMatrixBytes: Int?

    public init(
        experiment: String, number: Int, createdAt: Date, message: String?, edits: [String], source: String?,
        evaluationSHA256: String, evaluationBytes: Int, confusionMatrixBytes: Int?
    ) {
        self.experiment = experiment
        self.number = number
        self.createdAt = createdAt
        self.message = message
        self.edits = edits
        self.source = source
        self.evaluationSHA256 = evaluationSHA256
        self.evaluationBytes = evaluationBytes
        self.confusionMatrixBytes = confusionMatrixBytes
    }
}
