/// The outcome of parsing a text: the statements that parsed, in order, and one diagnostic per
/// statement that did not (parsing resumes at the next `;` or line).
public struct ParsedScript: Hashable, Sendable {
    public var statements: [StatementNode]
    public var diagnostics: [Diagnostic]

    public init(statements: [StatementNode], diagnostics: [Diagnostic]) {
        self.statements = statements
        self.diagnostics = diagnostics
    }
}
