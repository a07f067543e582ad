/// A result that has a data form: a table for CSV and Markdown, a JSON document.
protocol DataRepresentable {
    var dataTable: DataTable { get }
    var jsonNode: JSONNode { get }
}
