/// Word wrapping for notes, legends and messages.
enum TextWrap {
    /// `text` broken at spaces into lines of at most `width` columns; a word longer than a
    /// line is cut into pieces. Existing line breaks are kept.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var current = ""
            var currentWidth = 0
            for word in paragraph.split(separator: " ") {
                var word = String(word)
                var w = DisplayWidth.of(word)
                if currentWidth > 0 && currentWidth + 1 + w <= width {
                    current += " " + word
                    currentWidth += 1 + w
                    continue
                }
                if currentWidth > 0 { lines.append(current) }
                while w > width {
                    var head = StyledText(word).truncated(to: width, ellipsis: "").plain
                    // A line narrower than an escaped control (`\x1b`) still takes it whole.
                    if head.isEmpty { head = String(word.prefix(max(1, TerminalSafe.unitLength(Array(word.unicodeScalars), at: 0)))) }
                    lines.append(head)
                    word = String(word.dropFirst(head.count))
                    w = DisplayWidth.of(word)
                }
                current = word
                currentWidth = w
            }
            lines.append(current)
        }
        return lines
    }

    /// Characters after which a line may break inside a word: the alternatives of a syntax line
    /// (`format|color|rows`), lists without spaces (`a,b`) and paths (`dir/file`).
    static let breaksAfter: Set<Character> = ["|", ",", "/"]

    /// Styled `text` broken into lines of at most `width` columns, keeping each run's style:
    /// at the last space that fits or just after a `breaksAfter` character, whichever comes
    /// later, and within a word only when a piece of it without such a place is longer than a
    /// line. Spaces at a break are dropped, others kept as they are; line breaks in the text are kept.
    static func wrap(_ text: StyledText, width: Int) -> [StyledText] {
        let width = max(1, width)
        guard text.width > width || text.plain.contains("\n") else { return [text] }
        let characters = text.spans.flatMap { span in span.text.map { (character: $0, style: span.style) } }
        func line(_ range: Range<Int>) -> StyledText {
            var out = StyledText()
            var end = range.upperBound
            while end > range.lowerBound && characters[end - 1].character == " " { end -= 1 }
            for k in range.lowerBound..<end { out.append(String(characters[k].character), characters[k].style) }
            return out
        }
        var lines: [StyledText] = []
        var start = 0
        while start < characters.count {
            // `lastBreak`: where the line may end (at a space, or after a `breaksAfter` character).
            var used = 0, end = start, lastBreak = -1
            var forced = false
            while end < characters.count {
                let c = characters[end].character
                if c == "\n" { forced = true; break }
                let w = DisplayWidth.of(String(c))
                if used + w > width { break }
                if c == " " { lastBreak = end }
                used += w
                end += 1
                if TextWrap.breaksAfter.contains(c) { lastBreak = end }
            }
            if !forced && end < characters.count && characters[end].character != " " && lastBreak > start {
                end = lastBreak
            }
            if end == start && !forced { end = start + 1 }
            lines.append(line(start..<end))
            start = end
            if forced { start += 1 } else {
                while start < characters.count && characters[start].character == " " { start += 1 }
            }
        }
        return lines.isEmpty ? [StyledText()] : lines
    }

    /// The widest piece of `text` that `wrap` keeps on one line when it can: the text between
    /// spaces, broken after each `breaksAfter` character.
    static func longestPiece(_ text: String) -> Int {
        var longest = 0, current = 0
        for c in text {
            if c == " " || c == "\n" { current = 0; continue }
            current += DisplayWidth.of(String(c))
            longest = max(longest, current)
            if breaksAfter.contains(c) { current = 0 }
        }
        return longest
    }

    /// Lays out styled items (legend entries) separated by two spaces, wrapping to `width`.
    static func flow(_ items: [StyledText], width: Int, separator: String = "  ", ellipsis: String = "…") -> [StyledText] {
        var lines: [StyledText] = []
        var current = StyledText()
        let sepWidth = DisplayWidth.of(separator)
        for item in items {
            let item = item.width > width ? item.truncated(to: width, ellipsis: ellipsis) : item
            if !current.isEmpty && current.width + sepWidth + item.width > width {
                lines.append(current)
                current = StyledText()
            }
            if !current.isEmpty { current.append(separator) }
            current.append(item)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
