import EvalCore
import EvalFormats
import EvalQuery

/// `errors [CLASS]`: TIDE's dAP of each main error, then of the special errors, as bars on one
/// scale; for all classes, a table of the same per class below.
struct ErrorBreakdownView: TerminalView {
    var result: ErrorBreakdownResult

    func lines(_ options: RenderOptions) -> [String] {
        let subject = result.classIndex.map { result.labels[$0] } ?? "all classes"
        var out = ViewParts.title("TIDE errors, \(subject): AP50 points gained by fixing each", options)
        guard let values = result.shown else { return out + ViewParts.note("TIDE leaves \(subject) out", options) }
        out += ViewParts.note("AP50 \(NumberText.fixed(values.ap, places: 2)) (TIDE's, IoU 0.5 foreground, 0.1 background)", options)
        let main = TIDEError.allCases.map { ($0.tideName, values.main[$0] ?? 0) }
        let special = ErrorBreakdownResult.special(values)
        let scale = (main.map(\.1) + special.map(\.value)).max() ?? 0
        out += bars("main", main, scale: scale, options)
        out += bars("special", special.map { ($0.name, $0.value) }, scale: scale, options)
        guard result.classIndex == nil else { return out }
        let scopes = result.scopes.dropFirst()
        guard !scopes.isEmpty else { return out }
        out.append("")
        return out + ViewParts.title("per class (dAP)", options) + perClassTable(Array(scopes), options)
    }

    /// AP points with two decimals, as the bars above: the class name narrows before any
    /// column goes, then the special errors go first, then the main ones right to left.
    private func perClassTable(_ scopes: [(name: String, values: TIDEBreakdown.Values)], _ options: RenderOptions) -> [String] {
        let names = ErrorBreakdownResult.columns
        var columns = [TextTable.Column(names[0], shrink: .end, minWidth: 8, priority: 30, shrinkPriority: 1)]
        columns += names.dropFirst().enumerated().map { i, name in
            TextTable.Column(name, .right, priority: i == 0 ? 29 : 20 - i)
        }
        var table = TextTable(columns: columns)
        table.rows = scopes.map { scope in
            [StyledText(scope.name)] + ErrorBreakdownResult.cells(scope.values).map { cell in
                guard case .double(let v) = cell else { return GenericTableView.text(cell) }
                return StyledText(NumberText.fixed(v, places: 2))
            }
        }
        return table.render(width: options.width, glyphs: options.glyphs, color: options.color)
    }

    private func bars(_ heading: String, _ items: [(String, Double)], scale: Double, _ options: RenderOptions) -> [String] {
        let labelWidth = 9
        let values = items.map { NumberText.fixed($0.1, places: 2) }
        let valueWidth = values.map(DisplayWidth.of).max() ?? 1
        let barWidth = max(4, min(50, options.width - labelWidth - valueWidth - 3))
        var out = [StyledText(heading, .dim).rendered(color: options.color)]
        for (i, item) in items.enumerated() {
            let drawn = scale > 0 ? ViewParts.bar(max(0, item.1) / scale, width: barWidth, glyphs: options.glyphs) : ""
            let line = StyledText(item.0).padded(to: labelWidth, alignment: .left) + " "
                + StyledText(drawn, ClassPalette.style(i))
                + StyledText(String(repeating: " ", count: barWidth - DisplayWidth.of(drawn) + 1))
                + StyledText(values[i]).padded(to: valueWidth, alignment: .right)
            out.append(line.rendered(color: options.color))
        }
        return out
    }
}
