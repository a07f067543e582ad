import Foundation

/// What a push did, for the shell to report.
public enum PushReceipt: Equatable, Sendable, CustomStringConvertible {
    case stored(StoredVersion)
    case files(evaluation: URL, confusionMatrix: URL?)
    case picsellia(PicselliaPushReceipt)

    public var description: String {
        switch self {
        case .stored(let version):
            return "pushed store:\(version.experiment)@\(version.number)"
        case .files(let evaluation, let matrix?):
            return "wrote \(evaluation.path) and \(matrix.path)"
        case .files(let evaluation, nil):
            return "wrote \(evaluation.path)"
        case .picsellia(let receipt):
            let logs = receipt.confusionMatrixLogID == nil ? "evaluation log" : "evaluation and confusion-matrix logs"
            return "pushed the \(logs) to Picsellia experiment \(receipt.experimentID)"
        }
    }
}
