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

/// One image's counts, per class in label-map order.
public struct ImageRow: Equatable, Sendable {
    public var filename: String
    public var nbObjects: [Int]
    public var nbPreds: [Int]
    public var tp: [Int]
    public var fp: [Int]
    public var fn: [Int]
    public var extra: Int?

    public init(filename: String, nbObjects: [Int], nbPreds: [Int], tp: [Int], fp: [Int], fn: [Int], extra: Int? = nil) {
        self.filename = filename
        self.nbObjects = nbObjects
        self.nbPreds = nbPreds
        self.tp = tp
        self.fp = fp
        self.fn = fn
        self.extra = extra
    }
}
