/// One finding of `PayloadCheck`.
public struct PayloadIssue: Equatable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        /// The payload cannot be explored as is (a box out of bounds, arrays of the wrong length).
        case error
        /// Counts that disagree: reported, exploration goes on.
        case warning
    }

    public var severity: Severity
    /// Where, as a JSON path into the payload: `per_image_eval[1].TP[0]`.
    public var path: String
    public var message: String

    public init(severity: Severity, path: String, message: String) {
        self.severity = severity
        self.path = path
        self.message = message
    }

    public var description: String { "\(severity.rawValue): \(path): \(message)" }
}
