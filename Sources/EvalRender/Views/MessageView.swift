import EvalQuery

/// A message as plain text: warnings prefixed `warning:`, notes `note:`; wrapped at spaces to the width.
struct MessageView: TerminalView {
    var message: Message

    func lines(_ options: RenderOptions) -> [String] {
        let prefix: StyledText
        switch message.level {
        case .info: prefix = StyledText()
        case .warning: prefix = StyledText("warning:", .warning) + " "
        case .note: prefix = StyledText("note:", .bold) + " "
        }
        let wrapped = TextWrap.wrap(prefix.plain + options.glyphs.text(TerminalSafe.escaped(message.text, keepingLineBreaks: true)), width: options.width)
        return wrapped.enumerated().map { i, line in
            guard i == 0, !prefix.isEmpty else { return line }
            return (prefix + StyledText(String(line.dropFirst(prefix.plain.count)))).rendered(color: options.color)
        }
    }
}
