/// Errors the engines raise: conditions of the data, not of files.
public enum EvalCoreError: Error, Equatable, Sendable {
    /// COCO metrics rank predictions by score; `index` is the first prediction without one.
    case missingScore(index: Int)
}

extension EvalCoreError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .missingScore(let index):
            return "prediction #\(index) (0-based, in file order) has no score; COCO metrics rank predictions by score"
        }
    }
}
