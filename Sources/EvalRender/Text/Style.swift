/// A terminal colour from the xterm 256-colour palette.
public struct TerminalColor: Equatable, Hashable, Sendable {
    public var index: UInt8
    public init(_ index: UInt8) { self.index = index }

    public static let red = TerminalColor(196)
    public static let grey = TerminalColor(244)
    public static let darkGrey = TerminalColor(238)
    public static let yellow = TerminalColor(220)
    public static let white = TerminalColor(231)
    public static let black = TerminalColor(16)
}

/// How a run of text looks. Every escape sequence evalsh writes is produced here, in
/// `prefix`/`reset`: no other file builds an escape code.
public struct Style: Equatable, Hashable, Sendable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var bold: Bool
    public var dim: Bool

    public init(foreground: TerminalColor? = nil, background: TerminalColor? = nil, bold: Bool = false, dim: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
    }

    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let warning = Style(foreground: .yellow, bold: true)
    public static let error = Style(foreground: .red, bold: true)
    public static let falsePositive = Style(foreground: .red)
    public static let missed = Style(foreground: .grey)
    public static let improvement = Style(foreground: TerminalColor(41))
    public static let regression = Style(foreground: .red)

    public static func foreground(_ color: TerminalColor) -> Style { Style(foreground: color) }

    public var isPlain: Bool { foreground == nil && background == nil && !bold && !dim }

    /// The SGR sequence that switches this style on (empty for plain text).
    public var prefix: String {
        if isPlain { return "" }
        var codes: [String] = []
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if let foreground { codes.append("38;5;\(foreground.index)") }
        if let background { codes.append("48;5;\(background.index)") }
        return Style.escape + "[" + codes.joined(separator: ";") + "m"
    }

    /// The SGR sequence that returns to the terminal's default style.
    public static let reset = escape + "[0m"

    static let escape = "\u{1B}"

    /// Wraps `text` in this style's sequences; plain text and empty text stay as they are.
    public func apply(_ text: String) -> String {
        isPlain || text.isEmpty ? text : prefix + text + Style.reset
    }
}
