import EvalQuery
import Foundation

extension ResultTable: DataRepresentable {
    var dataTable: DataTable { DataTable(title: title, columns: columns, rows: rows, alignsDecimals: alignsDecimals) }

    /// An array of objects keyed by column name, as a key a program can name: spaces become
    /// `_` (`operating_point`), and the unnamed marker column of `evals` is `current`.
    var jsonNode: JSONNode {
        let keys = columns.map { $0.isEmpty ? "current" : $0.replacingOccurrences(of: " ", with: "_") }
        return .array(rows.map { row in .object(zip(keys, row).map { ($0, JSONNode($1)) }) })
    }
}
