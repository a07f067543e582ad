import EvalCore

/// `boxes …`: rows of an operating point's box table, selected, sorted and limited. Holds the
/// whole table and the selected row numbers so that a query over 390,000 boxes copies no row;
/// views read the cells of the rows they show.
public struct BoxListResult: Sendable {
    public var title: String
    public var table: BoxTable
    /// Row numbers of `table`, in display order, after the limit.
    public var rows: [Int]
    /// Rows that matched before the limit.
    public var matched: Int
    public var labels: [String]
    /// Every image's filename, by image index.
    public var filenames: [String]

    public init(title: String, table: BoxTable, rows: [Int], matched: Int, labels: [String], filenames: [String]) {
        self.title = title
        self.table = table
        self.rows = rows
        self.matched = matched
        self.labels = labels
        self.filenames = filenames
    }

    /// The field names, in column order (`BoxQuery.fields`).
    public static let columns = BoxQuery.fields

    /// Row `r`'s values in `columns` order: texts as the fields read, NaN (no score, no match)
    /// as null.
    public func cells(_ r: Int) -> [Cell] {
        let t = table
        func number(_ v: Double) -> Cell { v.isNaN ? .null : .double(v) }
        let match = Int(t.match[r])
        return [
            .string(filenames[Int(t.image[r])]), .string(t.kind[r].fieldName), .string(labels[Int(t.category[r])]),
            number(t.score[r]), .double(t.x[r]), .double(t.y[r]), .double(t.width[r]), .double(t.height[r]),
            .double(t.area[r]), .string(t.range[r].fieldName), number(t.iou[r]),
            .string(match < 0 ? "none" : labels[match]), .string(t.fate[r].fieldName),
            .string(t.error[r]?.fieldName ?? "none"),
        ]
    }
}
