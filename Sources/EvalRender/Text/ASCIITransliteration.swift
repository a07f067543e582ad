/// Plain-ASCII stand-ins for the non-ASCII characters evalsh writes itself: symbols in titles
/// from the query layer (`≥`, `→`, `–`), cells the views fill (`—` for nothing, `▲`/`▼`),
/// headers (`ΔAP`) and the glyphs of `Glyphs.unicode`.
///
/// With `ascii` on, text is transliterated where it enters a layout — `TextTable` cells and
/// headers, titles, notes, legends, messages (see `Glyphs.text`) — and not on the finished lines:
/// `≥` becomes `>=` and `…` `...`, so a line transliterated after it was laid out could grow past
/// the width or push a table's borders out of line. Characters not in the table (a class name
/// in another script) are left as they are: they are the user's data.
enum ASCIITransliteration {
    static let table: [Unicode.Scalar: String] = [
        // Punctuation and mathematical signs.
        "×": "x", "—": "-", "–": "-", "−": "-", "‐": "-", "·": "-", "…": "...", "•": "*",
        "≥": ">=", "≤": "<=", "≠": "!=", "≈": "~", "±": "+/-",
        "→": "->", "←": "<-", "↑": "^", "↓": "v", "⇒": "=>",
        "Δ": "d", "Σ": "sum ", "µ": "u",
        "‘": "'", "’": "'", "“": "\"", "”": "\"", "\u{00A0}": " ",
        // Marks and swatches.
        "▲": "^", "▼": "v", "■": "#", "●": "@", "✗": "x", "✓": "v",
        // Box drawing.
        "─": "-", "│": "|", "┌": "+", "┬": "+", "┐": "+", "├": "+", "┼": "+", "┤": "+", "└": "+", "┴": "+", "┘": "+",
        // Shades and bar eighths.
        "░": ".", "▒": ":", "▓": "+", "█": "#",
        "▏": "#", "▎": "#", "▍": "#", "▌": "#", "▋": "#", "▊": "#", "▉": "#",
    ]

    /// `text` with every character of the table replaced by its stand-in.
    static func apply(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value >= 0x80 }) else { return text }
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80, let replacement = table[scalar] {
                out += replacement
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
