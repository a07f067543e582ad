import EvalQuery

/// Turns a query's result into text: a terminal view (`.table`) laid out for
/// `options.width`, or data (CSV, JSON, Markdown) that ignores width, colour and row limits.
/// The text ends with a newline unless it is empty.
public func render(_ result: QueryResult, options: RenderOptions) -> String {
    if case .sideBySide(let parts) = result, options.format != .table {
        // Data formats: each part as it would be alone (JSON: an array of the parts).
        if options.format == .json { return JSONNode.array(parts.map(jsonNode)).serialized() + "\n" }
        return parts.map { render($0, options: options) }.joined(separator: "\n")
    }
    let text: String
    switch options.format {
    case .table: text = terminalLines(result, options).joined(separator: "\n")
    case .json: text = jsonNode(result).serialized()
    case .csv: text = dataTable(result)?.csv() ?? plainText(result, options)
    case .markdown: text = dataTable(result)?.markdown() ?? plainText(result, options)
    }
    guard !text.isEmpty else { return "" }
    return text.hasSuffix("\n") ? text : text + "\n"
}

private func terminalLines(_ result: QueryResult, _ options: RenderOptions) -> [String] {
    if options.expanded != .off,
        let expanded = ExpandedRecordView.lines(for: result, data: dataTable(result), options, natural: { terminalLines(result, $0) })
    {
        return expanded
    }
    switch result {
    case .message(let message): return MessageView(message: message).lines(options)
    case .diagnostic(let diagnostic): return MessageView(message: Message(diagnostic)).lines(options)
    case .table(let table): return GenericTableView(table: table).lines(options)
    case .history(let history): return GenericTableView(table: history.table).lines(options)
    case .evaluations(let list): return GenericTableView(table: list.table).lines(options)
    case .metrics(let metrics): return GenericTableView(table: metrics.terminalTable).lines(options)
    case .pending(let pending):
        // Nothing pending is one line, not an empty table.
        if pending.edits.isEmpty { return ViewParts.note("no pending edits", options) }
        return GenericTableView(table: pending.table).lines(options)
    case .help(let help): return GenericTableView(table: help.table, syntaxColumn: 0, wrappedColumns: [2]).lines(options)
    case .check(let check): return GenericTableView(table: check.table).lines(options)
    case .versions(let history): return StoredVersionsView(history).lines(options)
    case .experiments(let list): return StoredVersionsView(list).lines(options)
    case .compareSummary(let compare): return GenericTableView(table: compare.table).lines(options)
    case .compareClasses(let compare): return GenericTableView(table: compare.table).lines(options)
    case .compareImages(let compare): return GenericTableView(table: compare.table).lines(options)
    case .compareMatrix(let compare): return GenericTableView(table: compare.table).lines(options)
    case .compareBoxes(let compare): return GenericTableView(table: compare.table).lines(options)
    case .summary(let summary): return SummaryView(summary: summary).lines(options)
    case .classes(let classes): return ClassTableView(result: classes).lines(options)
    case .matrix(let matrix): return MatrixView(matrix: matrix).lines(options)
    case .images(let list): return ImageListView(list: list).lines(options)
    case .imageView(let view): return ImageCanvasView(view: view).lines(options)
    case .bars(let chart): return BarChartView(chart: chart).lines(options)
    case .curve(let curve): return CurveView(curve: curve).lines(options)
    case .boxes(let list): return BoxListView(list: list).lines(options)
    case .errors(let errors): return ErrorBreakdownView(result: errors).lines(options)
    case .sweep(let sweep): return SweepView(result: sweep).lines(options)
    case .json(let value): return JSONNode(value).serialized().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    case .sideBySide(let parts): return sideBySide(parts, options)
    }
}

/// The parts laid out in columns three spaces apart, each at its share of the width, when each
/// shows whole there (a matrix with every class); else one after the other at the full width,
/// a blank line between them.
private func sideBySide(_ parts: [QueryResult], _ options: RenderOptions) -> [String] {
    let gap = 3
    var narrow = options
    narrow.width = (options.width - gap * (parts.count - 1)) / max(parts.count, 1)
    let fits = narrow.width >= RenderOptions.minimumWidth && parts.allSatisfy { part in
        if case .matrix(let m) = part { return MatrixView(matrix: m).showsEveryClass(narrow) }
        return true
    }
    guard fits else {
        return parts.enumerated().flatMap { i, part in (i == 0 ? [] : [""]) + terminalLines(part, options) }
    }
    let blocks = parts.map { terminalLines($0, narrow) }
    let widths = blocks.map { $0.map(DisplayWidth.of).max() ?? 0 }
    let height = blocks.map(\.count).max() ?? 0
    return (0..<height).map { row in
        var line = ""
        for (i, block) in blocks.enumerated() {
            let text = row < block.count ? block[row] : ""
            if i < blocks.count - 1 {
                line += text + String(repeating: " ", count: widths[i] - DisplayWidth.of(text) + gap)
            } else {
                line += text
            }
        }
        return line
    }
}

/// What has no table form (a message, a JSON document) is written as in a terminal without colour.
private func plainText(_ result: QueryResult, _ options: RenderOptions) -> String {
    var plain = options
    plain.color = false
    plain.format = .table
    return terminalLines(result, plain).joined(separator: "\n")
}

/// The data form of a result; nil for a JSON document, which is its own data.
private func dataRepresentation(_ result: QueryResult) -> DataRepresentable? {
    switch result {
    case .json: return nil
    case .message(let message): return message
    case .diagnostic(let diagnostic): return Message(diagnostic)
    case .table(let table): return table
    case .history(let history): return history.table
    case .evaluations(let list): return list.table
    case .metrics(let metrics): return metrics.table
    case .pending(let pending): return pending.table
    case .help(let help): return help.table
    case .check(let check): return check.table
    case .versions(let history): return history.table
    case .experiments(let list): return list.table
    case .compareSummary(let compare): return compare.table
    case .compareClasses(let compare): return compare.table
    case .compareImages(let compare): return compare.table
    case .compareMatrix(let compare): return compare.table
    case .compareBoxes(let compare): return compare.table
    case .summary(let summary): return summary
    case .classes(let classes): return classes
    case .matrix(let matrix): return matrix
    case .images(let list): return list
    case .imageView(let view): return view
    case .bars(let chart): return chart
    case .curve(let curve): return curve
    case .boxes(let list): return list
    case .errors(let errors): return errors
    case .sweep(let sweep): return sweep
    case .sideBySide: return nil
    }
}

/// A message is a line of text, not a one-row table, in CSV and Markdown.
private func dataTable(_ result: QueryResult) -> DataTable? {
    if result.isMessage { return nil }
    return dataRepresentation(result)?.dataTable
}

private func jsonNode(_ result: QueryResult) -> JSONNode {
    if case .json(let value) = result { return JSONNode(value) }
    if case .sideBySide(let parts) = result { return .array(parts.map(jsonNode)) }
    return dataRepresentation(result)?.jsonNode ?? .null
}
