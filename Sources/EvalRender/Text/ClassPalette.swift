/// Stable class colours: a class is drawn in the same colour in every view, chosen by its
/// label-map index. Red and grey are left out: they mean false positive and missed.
public enum ClassPalette {
    /// Sixteen 256-colour entries that stay apart from each other on dark and light backgrounds.
    public static let colors: [TerminalColor] = [
        33, 208, 35, 170, 220, 81, 135, 172, 41, 205, 69, 178, 30, 99, 166, 113,
    ].map(TerminalColor.init)

    public static func color(_ classIndex: Int) -> TerminalColor {
        colors[((classIndex % colors.count) + colors.count) % colors.count]
    }

    public static func style(_ classIndex: Int) -> Style { .foreground(color(classIndex)) }

    /// The same colours as `#rrggbb` for SVG, from the xterm palette's 6×6×6 cube.
    public static func hex(_ classIndex: Int) -> String { hex(color(classIndex)) }

    public static func hex(_ color: TerminalColor) -> String {
        let i = Int(color.index)
        let rgb: (Int, Int, Int)
        if i >= 232 {
            let v = 8 + (i - 232) * 10
            rgb = (v, v, v)
        } else if i >= 16 {
            let levels = [0, 95, 135, 175, 215, 255]
            let c = i - 16
            rgb = (levels[c / 36], levels[(c / 6) % 6], levels[c % 6])
        } else {
            rgb = (128, 128, 128)
        }
        func h(_ v: Int) -> String {
            let digits = Array("0123456789abcdef")
            return String([digits[v / 16], digits[v % 16]])
        }
        return "#" + h(rgb.0) + h(rgb.1) + h(rgb.2)
    }
}
