/// What `compare A B` shows.
public enum CompareView: Hashable, Sendable {
    /// No view word: the side-by-side summary with deltas.
    case summary
    case matrix
    case classes(sort: SortClause?)
    /// `where PREDICATE [sort …] [limit N]`: fields may be qualified `A.FN`, `delta.FN[car]`.
    case images(ImageQuery)
    case show(filename: Name)
    /// `boxes [where …] [sort …] [limit N]`: the boxes whose fate changed from A to B.
    case boxes(ImageQuery)
}
