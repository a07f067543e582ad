/// Counts what text occupies on screen: ANSI escape sequences take no room and long lines
/// wrap at the terminal width. Every character counts as one cell (wide East Asian glyphs
/// are rare in evaluation output and only make the pager decision slightly conservative).
enum DisplayWidth {
    /// The number of cells `line` occupies, ignoring CSI escape sequences such as colours.
    static func visibleWidth(of line: Substring) -> Int {
        var width = 0
        var inEscape = false
        var sawBracket = false
        for scalar in line.unicodeScalars {
            if inEscape {
                if !sawBracket {
                    sawBracket = true
                    if scalar != "[" { inEscape = false }
                } else if (0x40...0x7E).contains(scalar.value) {
                    inEscape = false
                }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                sawBracket = false
            } else if scalar.properties.generalCategory != .nonspacingMark {
                width += 1
            }
        }
        return width
    }

    /// The number of terminal rows `text` needs at `columns` columns. A trailing newline
    /// does not start another row.
    static func rowCount(of text: String, columns: Int) -> Int {
        guard !text.isEmpty else { return 0 }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { lines.removeLast() }
        let width = max(1, columns)
        return lines.reduce(0) { rows, line in
            rows + max(1, (visibleWidth(of: line) + width - 1) / width)
        }
    }
}
