/// Formats a failed statement the way compilers do, for parse errors and run-time errors alike:
///
///     checks.evq:4:8: error: unknown class "pedestrain"; did you mean "pedestrian"?
///     assert FN[pedestrain] <= 20
///               ^~~~~~~~~~
///     help: type 'classes' to list the classes
public enum ErrorReport {
    /// A parse diagnostic with its source line and caret; without a file name (a line typed at
    /// the prompt) the location prefix is left out, since the caret shows the place.
    public static func render(_ diagnostic: Diagnostic, source: String, fileName: String?) -> String {
        DiagnosticRenderer.render(diagnostic, source: source, fileName: fileName)
    }

    /// A run-time error of the statement `node`; the caret goes under the name it is about, or
    /// under the whole statement when it is about no name in particular.
    public static func render(_ error: ExecutionError, statement node: StatementNode, source: String, fileName: String?) -> String {
        let range = error.range ?? node.range
        var lines = [(fileName.map { "\($0):\(range.start): " } ?? "") + "error: \(error.message)"]
        if let line = DiagnosticRenderer.sourceLine(range.start.line, of: source) {
            lines += DiagnosticRenderer.excerpt(line, under: range)
        }
        if let help = error.help { lines.append("help: \(help)") }
        return lines.joined(separator: "\n")
    }
}
