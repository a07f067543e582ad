/// What Picsellia answered to a push: the experiment written to and the id of each log.
public struct PicselliaPushReceipt: Equatable, Sendable {
    public var experimentID: String
    /// The `evaluation` log's id.
    public var evaluationLogID: String
    /// The `confusion-matrix` log's id; `nil` when no confusion matrix was pushed.
    public var confusionMatrixLogID: String?

    public init(experimentID: String, evaluationLogID: String, confusionMatrixLogID: String?) {
        self.experimentID = experimentID
        self.evaluationLogID = evaluationLogID
        self.confusionMatrixLogID = confusionMatrixLogID
    }
}
