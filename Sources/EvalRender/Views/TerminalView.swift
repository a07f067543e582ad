import EvalFormats
/// A result drawn for a terminal: lines no wider than `options.width` display columns.
protocol TerminalView {
    func lines(_ options: RenderOptions) -> [String]
}

/// Pieces every terminal view shares.
enum ViewParts {
    /// A bold title, wrapped to the width.
    static func title(_ text: String, _ options: RenderOptions) -> [String] {
        TextWrap.wrap(options.glyphs.text(text), width: options.width).map { StyledText($0, .bold).rendered(color: options.color) }
    }

    /// A dim note, wrapped to the width.
    static func note(_ text: String, _ options: RenderOptions) -> [String] {
        TextWrap.wrap(options.glyphs.text(text), width: options.width).map { StyledText($0, .dim).rendered(color: options.color) }
    }

    /// Legend items laid out `separator` apart, wrapped to the width.
    static func legend(_ items: [StyledText], separator: String = "  ", _ options: RenderOptions) -> [String] {
        TextWrap.flow(items.map(options.glyphs.text), width: options.width, separator: options.glyphs.text(separator),
                      ellipsis: options.glyphs.ellipsis)
            .map { $0.rendered(color: options.color) }
    }

    /// The line saying how many rows a limit left out, and how to see them.
    static func moreRows(shown: Int, total: Int, _ options: RenderOptions) -> [String] {
        guard total > shown else { return [] }
        let g = options.glyphs
        return note("\(g.ellipsis) \(total - shown) more row\(total - shown == 1 ? "" : "s") (set rows \(total))", options)
    }

    /// `IoU 0.50 · confidence 0.50`.
    static func pointText(iou: Double, confidence: Double, _ options: RenderOptions) -> String {
        let dot = options.glyphs.middleDot
        return "IoU \(NumberText.fraction(iou, digits: 2)) \(dot) confidence \(NumberText.fraction(confidence, digits: 2))"
    }

    /// A class swatch and name in the class's colour: `■ car`.
    static func swatch(_ name: String, classIndex: Int, _ options: RenderOptions) -> StyledText {
        StyledText(options.glyphs.square + " ", ClassPalette.style(classIndex)) + StyledText(name)
    }

    /// A horizontal bar of `fraction` × `width` cells, with eighth blocks for the remainder.
    static func bar(_ fraction: Double, width: Int, glyphs: Glyphs) -> String {
        let f = fraction.isFinite ? min(1, max(0, fraction)) : 0
        let levels = glyphs.eighths.count
        let units = Int((f * Double(width * levels)).rounded())
        var text = String(repeating: glyphs.eighths[levels - 1], count: units / levels)
        if units % levels > 0 { text.append(glyphs.eighths[units % levels - 1]) }
        return text
    }
}
