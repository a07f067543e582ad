/// An error in a query, with where it is in the whole input (1-based line and column).
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public var kind: DiagnosticKind
    /// The characters at fault; empty when something is missing (the caret goes where it was
    /// expected).
    public var range: SourceRange

    public init(_ kind: DiagnosticKind, at range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public var line: Int { range.start.line }
    public var column: Int { range.start.column }
    public var message: String { kind.message }

    /// `line:column: error: message`.
    public var description: String { "\(range.start): error: \(message)" }
}
