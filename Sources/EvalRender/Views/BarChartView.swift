import EvalFormats
import EvalQuery

/// `split`: one horizontal bar per label, longest first, with its value; eighth blocks give
/// the bars sub-cell resolution (whole `#` cells in ASCII).
struct BarChartView: TerminalView {
    var chart: BarChartResult

    func lines(_ options: RenderOptions) -> [String] {
        var out = ViewParts.title(chart.title, options)
        let bars = chart.bars.enumerated().sorted { $0.element.value > $1.element.value || ($0.element.value == $1.element.value && $0.offset < $1.offset) }
        guard let maxValue = bars.first?.element.value, maxValue > 0 else {
            return out + ViewParts.note("nothing to draw", options)
        }
        let values = bars.map { NumberText.compact($0.element.value) }
        let valueWidth = values.map(DisplayWidth.of).max() ?? 1
        let labelWidth = min(bars.map { DisplayWidth.of($0.element.label) }.max() ?? 1, max(6, options.width / 3))
        let barWidth = max(4, options.width - labelWidth - valueWidth - 3)
        for (i, bar) in bars.enumerated() {
            let label = StyledText(bar.element.label).truncated(to: labelWidth, ellipsis: options.glyphs.ellipsis)
                .padded(to: labelWidth, alignment: .left)
            let drawn = ViewParts.bar(max(0, bar.element.value) / maxValue, width: barWidth, glyphs: options.glyphs)
            let line = label + " " + StyledText(drawn, ClassPalette.style(bar.offset))
                + StyledText(String(repeating: " ", count: barWidth - DisplayWidth.of(drawn) + 1))
                + StyledText(values[i]).padded(to: valueWidth, alignment: .right)
            out.append(line.rendered(color: options.color))
        }
        return out
    }
}
