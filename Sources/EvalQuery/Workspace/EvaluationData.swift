import EvalCore

/// What a loaded evaluation is made of.
public enum EvaluationData: Sendable {
    /// Ground truth and predictions: every number can be recomputed at any operating point.
    case boxes(Evaluator)
    /// A Picsellia payload and, when it was loaded beside it, its confusion-matrix log. It holds
    /// no ground-truth boxes: it is explored as it was pushed.
    case payload(PicselliaEvaluation, ConfusionMatrixLog?)
}
