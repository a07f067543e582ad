import EvalQuery

extension BarChartResult: DataRepresentable {
    /// `split`'s bars are counts: when every value is a whole number they are written as
    /// integers (`person,164`), not floats (`164.0`).
    private var wholeValues: Bool {
        bars.allSatisfy { $0.value.isFinite && $0.value == $0.value.rounded() && abs($0.value) < 1e15 }
    }

    private func cell(_ value: Double) -> Cell { wholeValues ? .int(Int(value)) : .double(value) }

    var dataTable: DataTable {
        DataTable(title: title, columns: ["label", "value"], rows: bars.map { [.string($0.label), cell($0.value)] })
    }

    var jsonNode: JSONNode {
        .object([
            ("title", .string(title)),
            ("bars", .array(bars.map { .object([("label", .string($0.label)), ("value", JSONNode(cell($0.value)))]) })),
        ])
    }
}

extension CurveResult: DataRepresentable {
    /// `recall` then one precision column per series.
    var dataTable: DataTable {
        DataTable(
            title: title,
            columns: ["recall"] + series.map(\.name),
            rows: recall.indices.map { i in
                [.double(recall[i])] + series.map { i < $0.precision.count ? .double($0.precision[i]) : .null }
            })
    }

    var jsonNode: JSONNode {
        var pairs: [(String, JSONNode)] = [
            ("title", .string(title)), ("recall", .array(recall.map(JSONNode.double))),
            ("series", .array(series.map {
                .object([("name", .string($0.name)), ("precision", .array($0.precision.map(JSONNode.double)))])
            })),
        ]
        if let point = operatingPoint {
            pairs.append(("operating_point", .object([("recall", .double(point.recall)), ("precision", .double(point.precision))])))
        }
        return .object(pairs)
    }
}

extension Message: DataRepresentable {
    var dataTable: DataTable { DataTable(columns: ["level", "text"], rows: [[.string(level.name), .string(text)]]) }

    var jsonNode: JSONNode { .object([("level", .string(level.name)), ("text", .string(text))]) }
}

extension Message.Level {
    var name: String {
        switch self {
        case .info: return "info"
        case .warning: return "warning"
        case .note: return "note"
        }
    }
}
