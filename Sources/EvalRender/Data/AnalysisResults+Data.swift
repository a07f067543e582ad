import EvalCore
import EvalQuery

extension BoxListResult: DataRepresentable {
    var dataTable: DataTable {
        DataTable(title: title, columns: BoxListResult.columns, rows: rows.map(cells), alignsDecimals: false)
    }

    /// An array with one object per row, keyed by the field names.
    var jsonNode: JSONNode {
        .array(rows.map { r in .object(zip(BoxListResult.columns, cells(r)).map { ($0, JSONNode($1)) }) })
    }
}

extension ErrorBreakdownResult: DataRepresentable {
    /// The scopes shown: all classes then each class TIDE keeps, or the one class asked for.
    var scopes: [(name: String, values: TIDEBreakdown.Values)] {
        if let classIndex, let values = breakdown.perClass[classIndex] { return [(labels[classIndex], values)] }
        return [("all", breakdown.overall)]
            + labels.indices.compactMap { c in breakdown.perClass[c].map { (labels[c], $0) } }
    }

    static let columns = ["class", "ap50"] + TIDEError.allCases.map(\.tideName) + ["FalsePos", "FalseNeg"]

    static func cells(_ values: TIDEBreakdown.Values) -> [Cell] {
        [.double(values.ap)] + TIDEError.allCases.map { .double(values.main[$0] ?? 0) }
            + special(values).map { .double($0.value) }
    }

    var dataTable: DataTable {
        DataTable(
            title: "TIDE errors (dAP, AP points)", columns: Self.columns,
            rows: scopes.map { [.string($0.name)] + Self.cells($0.values) })
    }

    static func node(_ values: TIDEBreakdown.Values) -> JSONNode {
        .object([
            ("ap50", .double(values.ap)),
            ("main", .object(TIDEError.allCases.map { ($0.tideName, .double(values.main[$0] ?? 0)) })),
            ("special", .object(special(values).map { ($0.name, .double($0.value)) })),
        ])
    }

    /// `{"ap50", "main", "special"}` of the scope, and for all classes each class under `classes`.
    var jsonNode: JSONNode {
        guard classIndex == nil else { return shown.map(Self.node) ?? .null }
        guard case .object(var pairs) = Self.node(breakdown.overall) else { return .null }
        pairs.append(("classes", .object(labels.indices.compactMap { c in breakdown.perClass[c].map { (labels[c], Self.node($0)) } })))
        return .object(pairs)
    }
}

extension SweepResult: DataRepresentable {
    /// The best-F1 rows: all classes (or the class asked for), then each class.
    var bestRows: [(name: String, best: ConfidenceSweep.Point?)] {
        if let classIndex { return [(labels[classIndex], sweep.perClass[classIndex].best)] }
        return [("all", sweep.overall.best)] + labels.indices.map { (labels[$0], sweep.perClass[$0].best) }
    }

    static let columns = ["class", "confidence", "precision", "recall", "F1", "TP", "FP", "FN"]

    static func cells(_ point: ConfidenceSweep.Point?) -> [Cell] {
        guard let p = point else { return Array(repeating: .null, count: columns.count - 1) }
        return [.double(p.confidence), .double(p.precision), .double(p.recall), .double(p.f1),
                .int(p.truePositives), .int(p.falsePositives), .int(p.falseNegatives)]
    }

    var dataTable: DataTable {
        DataTable(title: "best F1, \(subject)", columns: Self.columns, rows: bestRows.map { [.string($0.name)] + Self.cells($0.best) })
    }

    static func node(_ point: ConfidenceSweep.Point?) -> JSONNode {
        guard let p = point else { return .null }
        return .object([
            ("confidence", .double(p.confidence)), ("precision", .double(p.precision)), ("recall", .double(p.recall)),
            ("f1", .double(p.f1)),
        ])
    }

    /// `{"best": …, "classes": {NAME: …}}`; for one class, its best and itself under `classes`.
    var jsonNode: JSONNode {
        let classes = classIndex.map { [$0] } ?? Array(labels.indices)
        return .object([
            ("best", Self.node(curve.best)),
            ("classes", .object(classes.map { (labels[$0], Self.node(sweep.perClass[$0].best)) })),
        ])
    }
}
