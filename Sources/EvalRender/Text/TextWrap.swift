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
                    let head = StyledText(word).truncated(to: width, ellipsis: "").plain
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

    /// Lays out styled items (legend entries) separated by two spaces, wrapping to `width`.
    static func flow(_ items: [StyledText], width: Int, separator: String = "  ") -> [StyledText] {
        var lines: [StyledText] = []
        var current = StyledText()
        let sepWidth = DisplayWidth.of(separator)
        for item in items {
            let item = item.width > width ? item.truncated(to: width) : item
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
