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
    ///   - fileName: the script's name; nil for a line typed at the prompt, where the location
    ///     prefix is left out since the caret shows the place.
    public static func render(_ diagnostic: Diagnostic, source: String, fileName: String? = "<input>") -> String {
        let place = fileName.map { "\($0):\(diagnostic.range.start): " } ?? ""
        var lines = [place + "\(diagnostic.severity.rawValue): \(diagnostic.message)"]
        if let line = sourceLine(diagnostic.range.start.line, of: source) {
            lines += excerpt(line, under: diagnostic.range)
        }
        if let help = diagnostic.kind.help {
            lines.append("help: \(help)")
        }
        return lines.joined(separator: "\n")
    }

    /// The widest source line shown under a message, in characters.
    static let excerptWidth = 160

    /// The source line and its caret line; a line wider than `excerptWidth` is cut to a window
    /// around the range's start, marked with `…` on the cut sides.
    static func excerpt(_ line: Substring, under range: SourceRange) -> [String] {
        let characters = Array(line)
        guard characters.count > excerptWidth else { return [String(line), caret(under: range, in: line)] }
        let column = max(range.start.column - 1, 0)
        let start = max(0, min(column - excerptWidth / 4, characters.count - excerptWidth))
        let end = min(characters.count, start + excerptWidth)
        let prefix = start > 0 ? "…" : "", suffix = end < characters.count ? "…" : ""
        let shown = prefix + String(characters[start..<end]) + suffix
        var shifted = range
        shifted.start.column = range.start.column - start + prefix.count
        let visible = min(range.end.line == range.start.line ? range.length : characters.count, end - column)
        shifted.end = SourceLocation(line: range.start.line, column: shifted.start.column + max(visible, 1), offset: range.start.offset + max(visible, 1))
        return [shown, caret(under: shifted, in: Substring(shown))]
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
