/// The characters views draw with, in Unicode or in plain ASCII (`ascii` option) for
/// terminals and logs that cannot show box drawing.
public struct Glyphs: Sendable {
    public var horizontal: Character
    public var vertical: Character
    /// Corners and joins, as `[top, middle, bottom]` rows of `[left, inner, right]`.
    public var joins: [[Character]]
    public var ellipsis: String
    /// A class swatch in legends and the image list.
    public var square: String
    /// Intensity ramp for the matrix without colour, from empty to full.
    public var shades: [Character]
    /// Bar cells from one eighth to a full block; ASCII has only the full `#`.
    public var eighths: [Character]
    public var missedMark: String
    public var falsePositiveMark: String
    public var pointMark: Character
    public var middleDot: String
    public var arrow: String
    /// Whether other text is transliterated to ASCII where it enters a layout (`text(_:)`).
    public var transliterates: Bool

    public static let unicode = Glyphs(
        horizontal: "─", vertical: "│",
        joins: [["┌", "┬", "┐"], ["├", "┼", "┤"], ["└", "┴", "┘"]],
        ellipsis: "…", square: "■", shades: [" ", "░", "▒", "▓", "█"],
        eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"],
        missedMark: "✗", falsePositiveMark: "!", pointMark: "●", middleDot: "·", arrow: "→", transliterates: false)

    public static let ascii = Glyphs(
        horizontal: "-", vertical: "|",
        joins: [["+", "+", "+"], ["+", "+", "+"], ["+", "+", "+"]],
        ellipsis: "...", square: "#", shades: [" ", ".", ":", "+", "#"],
        eighths: ["#"],
        missedMark: "x", falsePositiveMark: "!", pointMark: "@", middleDot: "-", arrow: "->", transliterates: true)

    public static func forASCII(_ ascii: Bool) -> Glyphs { ascii ? .ascii : .unicode }

    /// `text` as these glyphs write it: unchanged in Unicode, through `ASCIITransliteration` in ASCII.
    /// Layouts call it on what they are given before measuring it.
    public func text(_ text: String) -> String {
        transliterates ? ASCIITransliteration.apply(text) : text
    }

    public func text(_ text: StyledText) -> StyledText {
        transliterates ? text.mapText(ASCIITransliteration.apply) : text
    }

    /// The shade for an intensity in `[0, 1]`; any non-zero intensity gets at least the lightest shade.
    public func shade(_ intensity: Double) -> Character {
        guard intensity > 0 else { return shades[0] }
        let steps = shades.count - 1
        let level = min(steps, max(1, Int((intensity * Double(steps)).rounded(.up))))
        return shades[level]
    }
}
