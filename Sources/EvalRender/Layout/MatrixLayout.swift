import EvalQuery

/// Where the parts of a matrix heatmap go: the row-label column, one cell column per class
/// (then `other`, then `none`) and the totals column.
///
/// A `compact` layout is for a line too narrow for even one class column otherwise: row labels
/// are cut to the number and a few letters (`12 din…`), `none`'s column is headed by its number
/// only, and the totals column may be left out (`showsTotals`), the totals row staying.
struct MatrixLayout {
    let folded: FoldedMatrix
    /// Headers carry the (abbreviated) class name after the number; otherwise the number only.
    let named: Bool
    let compact: Bool
    /// False when the row totals column is left out to make room for class columns.
    let showsTotals: Bool
    /// The header over the row labels: `ground truth`, or a shorter word in a compact layout.
    let rowHeader: String
    let rowLabels: [String]
    /// True when some row label was cut to `rowLabelWidth`.
    let labelsCut: Bool
    let rowLabelWidth: Int
    let columnHeaders: [String]
    let columnWidths: [Int]
    let valueTexts: [[String]]
    let totalWidth: Int
    /// Label-map numbers (from 1) of the columns whose name was cut in the header.
    let abbreviated: [Int]
    /// The width of the numbers before row labels (`none`'s, N+1, is the widest).
    let numberColumnWidth: Int

    /// The longest class name a named header shows before cutting it, unless told otherwise.
    static let headerNameLimit = 10
    /// The shortest cut of a class name a named header is worth (an ellipsis included).
    static let shortestHeaderName = 5
    /// The fewest letters of a class name a compact row label keeps (an ellipsis included).
    static let compactNameLetters = 5

    /// `letters`: how much of a class name a compact row label keeps (at least `compactNameLetters`);
    /// `nameLimit`: how much of a class name a named header keeps.
    init(
        _ folded: FoldedMatrix, named: Bool, compact: Bool = false, showsTotals: Bool = true,
        letters: Int = MatrixLayout.compactNameLetters, nameLimit: Int = MatrixLayout.headerNameLimit,
        maxWidth: Int, glyphs: Glyphs
    ) {
        self.folded = folded
        self.named = named && !compact
        self.compact = compact
        self.showsTotals = showsTotals
        let named = self.named
        let m = folded.matrix
        let size = m.counts.count
        let keptCount = folded.kept.count
        // `cell GT PRED` takes a class's number, and N+1 for none: both are labelled with it.
        let noneNumber = folded.kept.count + folded.foldedCount + 1
        let numberWidth = String(noneNumber).count
        numberColumnWidth = numberWidth
        func numbered(_ number: Int, _ name: String) -> String {
            let text = String(number)
            return String(repeating: " ", count: numberWidth - text.count) + text + " " + name
        }
        var labels: [String] = folded.kept.enumerated().map { position, index in numbered(index + 1, m.labels[position]) }
        if folded.hasOther { labels.append(String(repeating: " ", count: numberWidth + 1) + "other") }
        labels.append(numbered(noneNumber, "none"))
        // Wide enough for the `ground truth` header, at most a quarter of the line (26 columns);
        // compact: the number, a space and a few letters, enough for `other` and `none` too.
        let labelCap = max(12, min(26, maxWidth / 4))
        let compactWidth = numberWidth + 1 + max(letters, MatrixLayout.compactNameLetters)
        let longest = labels.map(DisplayWidth.of).max() ?? 4
        let labelWidth = compact ? min(compactWidth, longest) : min(labelCap, max(longest, "ground truth".count))
        rowHeader = labelWidth >= "ground truth".count ? "ground truth" : "truth"
        rowLabels = labels.map { StyledText($0).truncated(to: labelWidth, ellipsis: glyphs.ellipsis).plain }
        labelsCut = rowLabels != labels
        rowLabelWidth = labelWidth

        let texts = (0..<size).map { r in (0..<size).map { c in MatrixLayout.valueText(folded, r, c) } }
        valueTexts = texts
        // Each column holds its values and its total (a count, under the totals rule).
        let columnValueWidths = (0..<size).map { c in
            max(texts.map { $0[c].count }.max() ?? 1, String(m.counts.reduce(0) { $0 + $1[c] }).count)
        }

        var headers: [String] = []
        var cut: [Int] = []
        for (position, index) in folded.kept.enumerated() {
            guard named else { headers.append(String(index + 1)); continue }
            let name = m.labels[position]
            let shown = StyledText(name).truncated(to: nameLimit, ellipsis: glyphs.ellipsis).plain
            if shown != name { cut.append(index + 1) }
            headers.append("\(index + 1) \(shown)")
        }
        if folded.hasOther { headers.append("other") }
        headers.append(compact ? String(noneNumber) : "\(noneNumber) none")
        columnHeaders = headers
        abbreviated = cut
        // Numbered class columns share one width so the grid stays regular; named ones, `other`
        // and `none` size themselves, so that a long name costs only its own column.
        let classWidth = max(columnValueWidths.prefix(keptCount).max() ?? 1, headers.prefix(keptCount).map(DisplayWidth.of).max() ?? 1) + 2
        columnWidths = headers.indices.map { i in
            i < keptCount && !named ? classWidth : max(columnValueWidths[i], DisplayWidth.of(headers[i])) + 2
        }
        let grandTotal = m.counts.joined().reduce(0, +)
        totalWidth = max("total".count, String(grandTotal).count) + 1
    }

    /// The width of a full line: row label, a space, the cells, then ` │` and the totals if shown.
    var lineWidth: Int { rowLabelWidth + 1 + columnWidths.reduce(0, +) + (showsTotals ? 2 + totalWidth : 0) }

    /// A cell's shown count (`FoldedMatrix.shownCount`), or a rounded percentage when normalized
    /// (`<1` for a non-zero value under 0.5 %).
    static func valueText(_ folded: FoldedMatrix, _ r: Int, _ c: Int) -> String {
        guard folded.matrix.normalization != .none else { return String(folded.shownCount(r, c)) }
        let percent = folded.shownValue(r, c) * 100
        if percent == 0 { return "0" }
        if percent < 0.5 { return "<1" }
        return String(Int(percent.rounded()))
    }
}
