import EvalQuery

extension ResultTable: DataRepresentable {
    var dataTable: DataTable { DataTable(title: title, columns: columns, rows: rows) }

    /// An array of objects keyed by column name.
    var jsonNode: JSONNode {
        .array(rows.map { row in .object(zip(columns, row).map { ($0, JSONNode($1)) }) })
    }
}
