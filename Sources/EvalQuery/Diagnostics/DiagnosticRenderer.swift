/// Formats a diagnostic as compilers do, in plain text (colour is the terminal layer's job):
///
///     script.evalsh:3:6: error: expected a class name or 'none' after 'cell'
///     cell
///          ^
///     help: …
public enum DiagnosticRenderer {
    /// The diagnostic with its source line and a caret (`^~~~`) under the range.
    /// - Parameters:
    ///   - source: the whole text the diagnostic's locations refer to.
    ///   - fileName: the script's name, or a placeholder such as `<input>` for typed lines.
    public static func render(_ diagnostic: Diagnostic, source: String, fileName: String = "<input>") -> String {
        var lines = ["\(fileName):\(diagnostic.range.start): error: \(diagnostic.message)"]
        if let line = sourceLine(diagnostic.range.start.line, of: source) {
            lines.append(String(line))
            lines.append(caret(under: diagnostic.range, in: line))
        }
        if let help = diagnostic.kind.help {
            lines.append("help: \(help)")
        }
        return lines.joined(separator: "\n")
    }

    /// The 1-based line `number` of `source`, without its line end.
    static func sourceLine(_ number: Int, of source: String) -> Substring? {
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// Blanks up to the range's column (tabs kept so the caret lines up), then `^` and a `~`
    /// for each further character of the range on this line.
    static func caret(under range: SourceRange, in line: Substring) -> String {
        let characters = Array(line)
        let column = max(range.start.column - 1, 0)
        var text = ""
        for index in 0..<column {
            text.append(index < characters.count && characters[index] == "\t" ? "\t" : " ")
        }
        let onThisLine = range.end.line == range.start.line
            ? range.length : max(characters.count - column, 1)
        text.append("^")
        text.append(String(repeating: "~", count: max(onThisLine - 1, 0)))
        return text
    }
}
