/// Wrapping for a syntax line (`cell GT PRED [where PREDICATE] [sort FIELD [asc|desc]] [limit N]`):
/// breaks only between its top-level tokens (and after the `|` of a top-level choice such as
/// `format|color|rows`), never inside `[...]`, `(...)` or `<...>`, and indents the lines after
/// the first so that they read as one statement.
///
/// A bracket wider than `longToken` (`compare`'s `[matrix | classes … | boxes …]`) cannot fit a
/// terminal whole; it alone breaks between its own tokens (one level in), indented further.
enum SyntaxWrap {
    /// How far the lines after the first are indented.
    static let indent = 2
    /// Tokens wider than this break one level inside their brackets rather than hold a column
    /// that wide.
    static let longToken = 40

    /// The tokens of `text` split at spaces at bracket depth `depth` (0: the top level), the
    /// spaces inside deeper brackets kept.
    static func tokens(_ text: String, depth level: Int = 0) -> [String] {
        var tokens: [String] = []
        var current = ""
        var depth = 0
        for c in text {
            if c == " " && depth == level {
                if !current.isEmpty { tokens.append(current) }
                current = ""
                continue
            }
            switch c {
            case "[", "(", "<": depth += 1
            case "]", ")", ">": depth = max(0, depth - 1)
            default: break
            }
            current.append(c)
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// `token` cut after each `|` outside brackets (`format|color|rows` → `format|`, `color|`,
    /// `rows`): the alternatives of a top-level choice, where a line may break too.
    static func alternatives(_ token: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for c in token {
            switch c {
            case "[", "(", "<": depth += 1
            case "]", ")", ">": depth = max(0, depth - 1)
            default: break
            }
            current.append(c)
            if c == "|" && depth == 0 {
                pieces.append(current)
                current = ""
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    /// The narrowest width at which nothing breaks inside a bracket (but a long token's): the
    /// widest token or alternative, with the indent of a line after the first.
    static func longestPiece(_ text: String) -> Int {
        tokens(text).enumerated().map { i, token in
            let width = alternatives(token).map(DisplayWidth.of).max() ?? 0
            guard width > longToken else { return width + (i == 0 ? 0 : indent) }
            return (tokens(token, depth: 1).map(DisplayWidth.of).max() ?? 0) + 2 * indent
        }.max() ?? 0
    }

    /// `text` in lines of at most `width` columns, in the style of its first run. A token that
    /// still does not fit is wrapped as prose (`TextWrap`), so nothing is lost.
    static func wrap(_ text: StyledText, width: Int) -> [StyledText] {
        let width = max(1, width)
        guard text.width > width else { return [text] }
        let style = text.spans.first?.style ?? .plain
        // The pieces in order: top-level tokens, or the words of a long bracket (level 2), or
        // the alternatives of a choice too wide for the line (glued: no space between them).
        var pieces: [(text: String, level: Int, glued: Bool)] = []
        for token in tokens(text.plain) {
            let tokenWidth = DisplayWidth.of(token)
            if tokenWidth > longToken && tokenWidth + indent > width && alternatives(token).count == 1 {
                pieces += tokens(token, depth: 1).map { ($0, 2, false) }
            } else if tokenWidth + indent > width {
                pieces += alternatives(token).enumerated().map { ($1, 1, $0 > 0) }
            } else {
                pieces.append((token, 1, false))
            }
        }
        var lines: [String] = []
        var current = ""
        for (token, level, glued) in pieces {
            let joint = glued ? "" : " "
            if !current.isEmpty && DisplayWidth.of(current) + joint.count + DisplayWidth.of(token) <= width {
                current += joint + token
                continue
            }
            if !current.isEmpty { lines.append(current) }
            let pad = width > level * indent + 1 ? String(repeating: " ", count: level * indent) : ""
            let lead = lines.isEmpty && current.isEmpty ? "" : pad
            if DisplayWidth.of(lead + token) <= width {
                current = lead + token
            } else {
                let parts = TextWrap.wrap(StyledText(token), width: max(1, width - DisplayWidth.of(pad))).map(\.plain)
                let placed = parts.enumerated().map { i, part in (i == 0 ? lead : pad) + part }
                lines += placed.dropLast()
                current = placed.last ?? ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines.map { StyledText($0, style) }
    }
}
