import EvalCore

/// What `pull` brought back.
public enum StorePullResult {
    /// A stored evaluation with its boxes, at the state it was pushed in.
    case boxes(GroundTruth, Detections, point: OperatingPoint, metrics: [(key: String, value: JSONValue)],
               excluded: [Int], labels: [String])
    /// The two logs of a payload-only evaluation.
    case payload(evaluation: JSONValue, confusionMatrix: JSONValue?)
}
