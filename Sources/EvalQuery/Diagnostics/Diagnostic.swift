/// A finding in a query, with where it is in the whole input (1-based line and column): an
/// error that stops the statement, or a warning or note printed as such beside its results.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How a diagnostic is printed (`error:`, `warning:`, `note:`); only errors stop a script.
    public enum Severity: String, Hashable, Sendable {
        case error, warning, note
    }

    public var kind: DiagnosticKind
    /// The characters at fault; empty when something is missing (the caret goes where it was
    /// expected).
    public var range: SourceRange
    public var severity: Severity

    public init(_ kind: DiagnosticKind, at range: SourceRange, severity: Severity = .error) {
        self.kind = kind
        self.range = range
        self.severity = severity
    }

    public var line: Int { range.start.line }
    public var column: Int { range.start.column }
    public var message: String { kind.message }

    /// `line:column: error: message` (or `warning:`, `note:`).
    public var description: String { "\(range.start): \(severity.rawValue): \(message)" }
}
