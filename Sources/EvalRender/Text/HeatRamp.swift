/// Cell backgrounds of the matrix heatmap: green for the diagonal (correct), red off it
/// (confusions, misses, unmatched predictions), darker for less.
enum HeatRamp {
    case diagonal, error, neutral

    private var backgrounds: [UInt8] {
        switch self {
        case .diagonal: return [22, 28, 34, 40]
        case .error: return [52, 88, 124, 160]
        case .neutral: return [236, 238, 240, 242]
        }
    }

    /// The style of a cell of `intensity` in `[0, 1]`; zero gets no background and dim text.
    func style(_ intensity: Double) -> Style {
        guard intensity > 0 else { return .dim }
        let ramp = backgrounds
        let level = min(ramp.count - 1, Int(intensity * Double(ramp.count)))
        let foreground: TerminalColor = self == .diagonal && level == ramp.count - 1 ? .black : .white
        return Style(foreground: foreground, background: TerminalColor(ramp[level]), bold: level >= 2)
    }
}
