/// Where an evaluation came from, which is where `push` sends it by default.
public enum EvaluationOrigin: Equatable, Sendable {
    /// Ground truth and predictions files.
    case files([String])
    /// A payload file and the file its confusion matrix was read from, if any (`push` writes
    /// both back there).
    case payloadFile(String, matrix: String? = nil)
    /// A push target such as `store:NAME` or `picsellia:ID` that it was pulled from.
    case target(String)

    public var description: String {
        switch self {
        case .files(let paths): return paths.joined(separator: " + ")
        case .payloadFile(let path, _): return path
        case .target(let target): return target
        }
    }
}
