import EvalCore

/// `images`, `where` and `cell`: one row per image, per-class counts at the operating point.
public struct ImageListResult: Equatable, Sendable {
    public var labels: [String]
    public var rows: [ImageRow]
    /// How many images matched before `limit` (rows may be fewer).
    public var matched: Int
    /// A title such as `cell car → pedestrian` or the predicate's text.
    public var title: String?
    /// The name of `ImageRow.extra` when present (`cell` shows the cell's count per image).
    public var extraColumn: String?

    public init(labels: [String], rows: [ImageRow], matched: Int, title: String? = nil, extraColumn: String? = nil) {
        self.labels = labels
        self.rows = rows
        self.matched = matched
        self.title = title
        self.extraColumn = extraColumn
    }
}
