import Foundation

/// How a `picsellia:` target names an experiment: directly by id, or by project and
/// experiment names resolved through the default organization of the token.
public enum PicselliaExperimentReference: Equatable, Sendable, CustomStringConvertible {
    case id(UUID)
    case names(project: String, experiment: String)

    public var description: String {
        switch self {
        case .id(let id): return "picsellia:\(id.uuidString.lowercased())"
        case .names(let project, let experiment): return "picsellia:\(project)/\(experiment)"
        }
    }
}
