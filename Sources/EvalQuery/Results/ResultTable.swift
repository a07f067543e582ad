/// A titled table of rows; `truncated` counts rows left out by a `limit`.
public struct ResultTable: Equatable, Sendable {
    public var title: String?
    public var columns: [String]
    public var rows: [[Cell]]
    public var notes: [String]

    public init(title: String? = nil, columns: [String], rows: [[Cell]], notes: [String] = []) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}
