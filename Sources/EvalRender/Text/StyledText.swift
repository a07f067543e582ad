/// A line of text made of styled runs. Views build these instead of strings with escapes in
/// them, so that widths are measured, cells truncated and colour switched off without parsing
/// escape codes back out.
///
/// Text enters through `TerminalSafe`: control characters in it (from a class name, a file
/// name, a server's answer) are stored escaped (`\x1b`), so that no span can carry a raw
/// escape sequence to the terminal; only `Style` writes escapes, in `rendered`.
public struct StyledText: Equatable, Sendable, ExpressibleByStringLiteral {
    public struct Span: Equatable, Sendable {
        public var text: String
        public var style: Style
    }

    public private(set) var spans: [Span]

    public init() { spans = [] }

    public init(_ text: String, _ style: Style = .plain) {
        spans = text.isEmpty ? [] : [Span(text: TerminalSafe.escaped(text, keepingLineBreaks: true), style: style)]
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var plain: String { spans.map(\.text).joined() }

    public var width: Int { spans.reduce(0) { $0 + DisplayWidth.of($1.text) } }

    public var isEmpty: Bool { spans.isEmpty }

    public mutating func append(_ text: String, _ style: Style = .plain) {
        guard !text.isEmpty else { return }
        let text = TerminalSafe.escaped(text, keepingLineBreaks: true)
        if let last = spans.last, last.style == style {
            spans[spans.count - 1].text += text
        } else {
            spans.append(Span(text: text, style: style))
        }
    }

    public mutating func append(_ other: StyledText) {
        for span in other.spans { append(span.text, span.style) }
    }

    public static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var out = lhs
        out.append(rhs)
        return out
    }

    /// The same runs with their text changed by `transform` (styles kept).
    public func mapText(_ transform: (String) -> String) -> StyledText {
        var out = StyledText()
        for span in spans { out.append(transform(span.text), span.style) }
        return out
    }

    /// The text with escapes when `color` is on, plain otherwise.
    public func rendered(color: Bool) -> String {
        color ? spans.map { $0.style.apply($0.text) }.joined() : plain
    }

    /// The text cut to at most `maxWidth` columns, ending with `ellipsis` when something was cut;
    /// never inside an escaped control character (`\x1b` is kept whole or dropped).
    public func truncated(to maxWidth: Int, ellipsis: String = "…") -> StyledText {
        guard width > maxWidth else { return self }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard maxWidth > ellipsisWidth else { return StyledText(String(ellipsis.prefix(max(0, maxWidth)))) }
        var budget = maxWidth - ellipsisWidth
        var out = StyledText()
        var lastStyle = Style.plain
        outer: for span in spans {
            var kept = String.UnicodeScalarView()
            let scalars = Array(span.text.unicodeScalars)
            var i = 0
            while i < scalars.count {
                let unit = scalars[i..<(i + TerminalSafe.unitLength(scalars, at: i))]
                let w = unit.reduce(0) { $0 + DisplayWidth.of($1) }
                if w > budget { out.append(String(kept), span.style); lastStyle = span.style; break outer }
                budget -= w
                kept.append(contentsOf: unit)
                i += unit.count
            }
            out.append(String(kept), span.style)
            lastStyle = span.style
        }
        out.append(ellipsis, lastStyle)
        return out
    }

    /// The text padded with spaces to `targetWidth` columns (never cut).
    public func padded(to targetWidth: Int, alignment: Alignment) -> StyledText {
        let missing = targetWidth - width
        guard missing > 0 else { return self }
        let pad = StyledText(String(repeating: " ", count: missing))
        switch alignment {
        case .left: return self + pad
        case .right: return pad + self
        case .center:
            let left = missing / 2
            return StyledText(String(repeating: " ", count: left)) + self
                + StyledText(String(repeating: " ", count: missing - left))
        }
    }
}

/// Where text sits in a wider cell.
public enum Alignment: Sendable {
    case left, right, center
}

extension String {
    /// The string shortened to `maxWidth` columns by cutting its middle, keeping both ends
    /// (a file name keeps its prefix and its extension): `9999967_0…0000018.jpg`.
    func shortenedInMiddle(to maxWidth: Int, ellipsis: String = "…") -> String {
        guard DisplayWidth.of(self) > maxWidth else { return self }
        let ellipsisWidth = DisplayWidth.of(ellipsis)
        guard maxWidth > ellipsisWidth + 1 else { return StyledText(self).truncated(to: maxWidth, ellipsis: ellipsis).plain }
        let scalars = Array(unicodeScalars)
        let budget = maxWidth - ellipsisWidth
        let tailBudget = budget / 2
        var headBudget = budget - tailBudget
        var head = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let unit = scalars[i..<(i + TerminalSafe.unitLength(scalars, at: i))]
            let w = unit.reduce(0) { $0 + DisplayWidth.of($1) }
            if w > headBudget { break }
            headBudget -= w
            head.append(contentsOf: unit)
            i += unit.count
        }
        var tailRemaining = tailBudget + headBudget
        var tail: [Unicode.Scalar] = []
        var j = scalars.count
        while j > i {
            // An escape ends at the last of its four scalars: step back over it whole.
            let start = j >= 4 && TerminalSafe.unitLength(scalars, at: j - 4) == 4 ? j - 4 : j - 1
            let unit = scalars[start..<j]
            let w = unit.reduce(0) { $0 + DisplayWidth.of($1) }
            if w > tailRemaining { break }
            tailRemaining -= w
            tail.append(contentsOf: unit.reversed())
            j = start
        }
        var out = String(head) + ellipsis
        out.unicodeScalars.append(contentsOf: tail.reversed())
        return out
    }
}
