/// Cell backgrounds of the matrix heatmap, darker for less: green for the diagonal (correct),
/// magenta for one class taken for another (confusions), red for the background row and column
/// (missed objects, unmatched predictions). Each has its own scale, so that a few confusions
/// are not drowned by many misses.
enum HeatRamp {
    case diagonal, confusion, background

    private var backgrounds: [UInt8] {
        switch self {
        case .diagonal: return [22, 28, 34, 40]
        case .confusion: return [53, 90, 127, 164]
        case .background: return [52, 88, 124, 160]
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
