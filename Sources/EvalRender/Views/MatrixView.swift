import EvalQuery

/// `matrix`: the confusion matrix as a heatmap. Rows are ground truth, columns predictions,
/// `none` the background; every cell shows its value, shaded by intensity (green on the
/// diagonal, magenta for class-to-class confusions, red in the `none` row and column, each
/// scaled to its own maximum so that confusions stand out beside misses), or followed by a
/// shade character without colour. Classes that do not fit the width (or beyond
/// `top N`) are folded into `other`, keeping those most involved in errors. On a narrow line a
/// compact layout (short row labels, no totals column) makes room for more classes.
struct MatrixView: TerminalView {
    var matrix: MatrixResult

    /// True when the matrix shows every class within `options.width` (nothing folded into `other`).
    func showsEveryClass(_ options: RenderOptions) -> Bool {
        chooseLayout(options).folded.kept.count >= matrix.labels.count
    }

    func lines(_ options: RenderOptions) -> [String] {
        let layout = chooseLayout(options)
        let folded = layout.folded
        let m = folded.matrix
        let size = m.counts.count
        let g = options.glyphs
        let dot = g.middleDot
        var out = ViewParts.title(
            "Confusion matrix \(dot) " + (m.subject.map { "\($0) \(dot) " } ?? "") + ViewParts.pointText(iou: m.point.iou, confidence: m.point.confidence, options), options)

        let bar = StyledText(" " + String(g.vertical), options.color ? .dim : .plain)
        let cellsStart = layout.rowLabelWidth + 1
        let axis = StyledText("predictions " + g.arrow, .bold).truncated(to: max(1, options.width - cellsStart), ellipsis: g.ellipsis)
        out.append(String(repeating: " ", count: cellsStart) + axis.rendered(color: options.color))
        var header = StyledText(layout.rowHeader, .bold).padded(to: layout.rowLabelWidth, alignment: .left) + " "
        for (i, text) in layout.columnHeaders.enumerated() {
            header.append(StyledText(text + " ").padded(to: layout.columnWidths[i], alignment: .right))
        }
        if layout.showsTotals { header.append(bar + StyledText("total").padded(to: layout.totalWidth, alignment: .right)) }
        out.append(header.rendered(color: options.color))

        let maxima = maxima(folded)
        var columnTotals = Array(repeating: 0, count: size)
        for r in 0..<size {
            var line = StyledText(layout.rowLabels[r], r >= folded.kept.count ? .dim : .plain)
                .padded(to: layout.rowLabelWidth, alignment: .left) + " "
            for c in 0..<size {
                columnTotals[c] += m.counts[r][c]
                let value = folded.shownValue(r, c)
                let ramp = rampKind(folded, r, c)
                let maximum = maxima[ramp] ?? 0
                let intensity = value == 0 || maximum == 0 ? 0 : value / maximum
                let text = layout.valueTexts[r][c]
                let inner = StyledText(text).padded(to: layout.columnWidths[c] - 2, alignment: .right).plain
                if options.color {
                    line.append(" " + inner + " ", ramp.style(intensity))
                } else {
                    line.append(" " + inner + String(g.shade(intensity)))
                }
            }
            if layout.showsTotals {
                line.append(bar + StyledText(String(m.counts[r].reduce(0, +))).padded(to: layout.totalWidth, alignment: .right))
            }
            out.append(line.rendered(color: options.color))
        }
        let rule = String(repeating: g.horizontal, count: layout.lineWidth)
        out.append(options.color ? Style.dim.apply(rule) : rule)
        var totals = StyledText(String(repeating: " ", count: layout.numberColumnWidth + 1) + "total")
            .padded(to: layout.rowLabelWidth, alignment: .left) + " "
        for c in 0..<size {
            totals.append(StyledText(String(columnTotals[c]) + " ").padded(to: layout.columnWidths[c], alignment: .right))
        }
        if layout.showsTotals {
            totals.append(bar + StyledText(String(columnTotals.reduce(0, +))).padded(to: layout.totalWidth, alignment: .right))
        }
        out.append(totals.rendered(color: options.color))
        out += legend(layout, options)
        return out
    }

    /// Below this many classes shown, a compact layout is tried (when it shows more).
    static let enoughClasses = 8

    /// The most classes that fit (a binary search: a layout widens with each class kept),
    /// with named headers when they fit at that count, numbers only otherwise. When fewer than
    /// wanted (and fewer than `enoughClasses`) fit, a compact layout with the totals column,
    /// then one without, is tried, and taken if it shows more classes; the room its classes
    /// leave then goes to the totals column, then to longer row labels.
    private func chooseLayout(_ options: RenderOptions) -> MatrixLayout {
        let n = matrix.labels.count
        let wanted = min(n, max(0, matrix.top ?? n))
        let ranking = FoldedMatrix.ranking(matrix)
        func layout(
            _ count: Int, named: Bool = false, compact: Bool = false, totals: Bool = true, letters: Int = 0,
            nameLimit: Int = MatrixLayout.headerNameLimit
        ) -> MatrixLayout {
            MatrixLayout(
                FoldedMatrix(matrix, keeping: count, ranking: ranking), named: named, compact: compact, showsTotals: totals,
                letters: letters, nameLimit: nameLimit, maxWidth: options.width, glyphs: options.glyphs)
        }
        func most(compact: Bool, totals: Bool) -> MatrixLayout {
            var low = 0, high = wanted
            var best = layout(low, compact: compact, totals: totals)
            while low <= high {
                let middle = (low + high) / 2
                let candidate = layout(middle, compact: compact, totals: totals)
                if candidate.lineWidth <= options.width {
                    best = candidate
                    low = middle + 1
                } else {
                    high = middle - 1
                }
            }
            return best
        }
        var best = most(compact: false, totals: true)
        // Short row labels cost more than they give once a screenful of classes fits.
        let enough = min(wanted, MatrixView.enoughClasses)
        for totals in [true, false] where best.folded.kept.count < enough || best.lineWidth > options.width {
            let compact = most(compact: true, totals: totals)
            let fits = best.lineWidth <= options.width
            if compact.folded.kept.count > best.folded.kept.count || (!fits && compact.lineWidth <= options.width) {
                best = compact
            }
        }
        if best.compact {
            let kept = best.folded.kept.count
            let widest = matrix.labels.map(DisplayWidth.of).max() ?? 0
            for totals in [true, false] {
                for letters in stride(from: widest, through: MatrixLayout.compactNameLetters, by: -1) {
                    let roomier = layout(kept, compact: true, totals: totals, letters: letters)
                    if roomier.lineWidth <= options.width { return roomier }
                }
            }
            return best
        }
        // Headers take whole names when the line has room, cut names down to a few letters
        // otherwise, numbers only when even those do not fit.
        let kept = best.folded.kept.count
        let widest = best.folded.kept.map { DisplayWidth.of(matrix.labels[$0]) }.max() ?? 0
        for limit in stride(from: max(widest, MatrixLayout.shortestHeaderName), through: MatrixLayout.shortestHeaderName, by: -1) {
            let named = layout(kept, named: true, nameLimit: limit)
            if named.lineWidth <= options.width { return named }
        }
        return best
    }

    /// Which scale a cell is shaded on: the `none` row and column are misses and unmatched
    /// predictions; every other cell off the diagonal, `other` × `other` included (it shows
    /// only confusions), is one class taken for another.
    private func rampKind(_ folded: FoldedMatrix, _ r: Int, _ c: Int) -> HeatRamp {
        let background = folded.matrix.counts.count - 1
        if r == background || c == background { return .background }
        if r == c && r < folded.kept.count { return .diagonal }
        return .confusion
    }

    /// The largest shown value on each scale.
    private func maxima(_ folded: FoldedMatrix) -> [HeatRamp: Double] {
        var out: [HeatRamp: Double] = [:]
        let size = folded.matrix.counts.count
        for r in 0..<size {
            for c in 0..<size {
                let kind = rampKind(folded, r, c)
                out[kind] = max(out[kind] ?? 0, folded.shownValue(r, c))
            }
        }
        return out
    }

    private func legend(_ layout: MatrixLayout, _ options: RenderOptions) -> [String] {
        let g = options.glyphs
        let dot = g.middleDot
        var notes = ["rows: ground truth \(dot) columns: predictions \(dot) none: background (missed objects in its column, unmatched predictions in its row)"]
        switch matrix.normalization {
        case .none: break
        case .groundTruth: notes.append("values: % of each ground-truth row (recall view); totals are counts")
        case .prediction: notes.append("values: % of each prediction column (precision view); totals are counts")
        }
        if options.color {
            notes.append("green: correct \(dot) magenta: one class taken for another \(dot) red: none (missed, unmatched) \(dot) brighter is more, each scaled to its own maximum")
        } else {
            notes.append("shade \(String(g.shades.dropFirst())): from least to most; correct (diagonal), class confusions and none (missed, unmatched) each scaled to their own maximum")
        }
        let folded = layout.folded
        if folded.hasOther && folded.otherCorrect > 0 {
            notes.append("other \(g.arrow) other: confusions between folded classes only; their \(folded.otherCorrect) correct predictions count in the totals")
        }
        if folded.hasOther {
            let left = (0..<matrix.labels.count).filter { !folded.kept.contains($0) }
            var note = "showing \(folded.kept.count) of \(matrix.labels.count) classes, those most involved in errors; \(left.count) folded into other"
            if left.count <= 8 { note += ": " + left.map { matrix.labels[$0] }.joined(separator: ", ") }
            if folded.kept.isEmpty { note += "; widen the terminal to see classes" }
            notes.append(note)
        }
        if layout.compact && (layout.labelsCut || !layout.showsTotals) {
            let what = [layout.labelsCut ? "row labels cut" : nil, layout.showsTotals ? nil : "the totals column left out"]
            notes.append(what.compactMap { $0 }.joined(separator: " and ") + " to fit the width")
        }
        if !layout.named && !folded.kept.isEmpty {
            notes.append("columns are numbered like the rows")
        }
        if !layout.abbreviated.isEmpty {
            notes.append("key: " + layout.abbreviated.map { "\($0) \(matrix.labels[$0 - 1])" }.joined(separator: ", "))
        }
        return notes.flatMap { ViewParts.note($0, options) }
    }
}
