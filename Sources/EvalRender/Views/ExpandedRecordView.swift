import EvalQuery

/// psql's expanded display (`\x`), for `set expanded on|auto`: a single record as one
/// `key │ value` line per field under its title, instead of a one-row table whose columns
/// would be cut or left out. Long values wrap beside their key; nothing is lost.
struct ExpandedRecordView: TerminalView {
    var title: String?
    var fields: [(key: String, value: StyledText)]
    var notes: [String] = []

    /// The widest a key column gets, as a share of the width: values keep most of the line.
    static let keyShare = 3

    func lines(_ options: RenderOptions) -> [String] {
        var out = title.map { ViewParts.title($0, options) } ?? []
        let keys = fields.map { options.glyphs.text($0.key) }
        let keyWidth = min(keys.map(DisplayWidth.of).max() ?? 0, max(4, options.width / Self.keyShare))
        let valueWidth = max(8, options.width - keyWidth - 3)
        let bar = StyledText(String(options.glyphs.vertical), options.color ? .dim : .plain).rendered(color: options.color)
        for (key, field) in zip(keys, fields) {
            let value = options.glyphs.text(field.value)
            let wrapped = value.plain.isEmpty ? [StyledText()] : TextWrap.wrap(value, width: valueWidth)
            for (k, line) in wrapped.enumerated() {
                let label = k == 0 ? StyledText(key, .bold).truncated(to: keyWidth, ellipsis: options.glyphs.ellipsis) : StyledText()
                let text = label.padded(to: keyWidth, alignment: .left).rendered(color: options.color) + " " + bar + " "
                    + line.rendered(color: options.color)
                out.append(line.plain.isEmpty ? String(text.dropLast()) : text)
            }
        }
        for note in notes { out += ViewParts.note(note, options) }
        return out
    }

    /// The expanded form of `result` when `options.expanded` asks for it and `result` is a
    /// single record (a table of one row: a `where` or `boxes` that found one, one evaluation,
    /// one metric …); with `auto`, only when its table is wider than the line. Nil otherwise:
    /// tables of several rows, charts, matrices and messages keep their own views.
    static func lines(for result: QueryResult, data: DataTable?, _ options: RenderOptions,
                      natural: (RenderOptions) -> [String]) -> [String]? {
        guard options.expanded != .off, options.format == .table else { return nil }
        switch result {
        case .message, .json, .sideBySide, .summary, .matrix, .bars, .curve, .sweep, .imageView, .help, .errors: return nil
        default: break
        }
        guard let data, data.rows.count == 1 else { return nil }
        if options.expanded == .auto {
            var wide = options
            wide.width = 100_000
            wide.expanded = .off
            guard (natural(wide).map(DisplayWidth.of).max() ?? 0) > options.width else { return nil }
        }
        let row = data.rows[0]
        var notes: [String] = []
        if case .table(let table) = result { notes = table.notes }
        // Per-class counts (`objects:car`) of zero say nothing about this record: left out, noted.
        var fields: [(key: String, value: StyledText)] = []
        var zeros = 0
        for (i, column) in data.columns.enumerated() {
            let cell = i < row.count ? row[i] : .null
            if column.contains(":"), cell == .int(0) {
                zeros += 1
                continue
            }
            fields.append((column, GenericTableView.text(cell)))
        }
        if zeros > 0 { notes.append("\(zeros) per-class count\(zeros == 1 ? "" : "s") of 0 left out") }
        return ExpandedRecordView(title: data.title, fields: fields, notes: notes).lines(options)
    }
}
