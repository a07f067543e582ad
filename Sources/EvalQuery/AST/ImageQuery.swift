/// The clauses that filter and order a list of images, each optional, in this order:
/// `where PREDICATE`, `sort FIELD [asc|desc]`, `limit N`.
public struct ImageQuery: Hashable, Sendable {
    public var predicate: QueryExpression?
    public var sort: SortClause?
    public var limit: Int?

    public init(predicate: QueryExpression? = nil, sort: SortClause? = nil, limit: Int? = nil) {
        self.predicate = predicate
        self.sort = sort
        self.limit = limit
    }

    /// No clause at all.
    public static let all = ImageQuery()
}

/// `sort FIELD [asc|desc]`; the key is a reference (`FN`, `FN[car]`, `delta.FN`, `AP`, `name`).
public struct SortClause: Hashable, Sendable {
    public var key: Reference
    /// Nil when not written: the executor picks the natural order of the key.
    public var order: SortOrder?

    public init(_ key: Reference, _ order: SortOrder? = nil) {
        self.key = key
        self.order = order
    }
}

public enum SortOrder: String, Hashable, Sendable {
    case ascending = "asc"
    case descending = "desc"
}
