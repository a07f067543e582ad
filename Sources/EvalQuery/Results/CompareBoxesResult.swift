import EvalCore

/// `compare A B boxes [where …] [sort …] [limit N]`: the boxes whose fate changed from A to B.
public struct CompareBoxesResult: Sendable {
    public var a: String
    public var b: String
    /// The `where` condition as written, if any.
    public var predicate: String?
    /// Each side's boxes; a change's row is in B's, or in A's when B has none.
    public var before: BoxListResult
    public var after: BoxListResult
    public var changes: [BoxFateChange]
    /// Changes the condition kept, before the limit.
    public var matched: Int
    /// Whether predictions were paired too (both sides hold the same predictions), not only objects.
    public var pairsPredictions: Bool

    public init(
        a: String, b: String, predicate: String?, before: BoxListResult, after: BoxListResult, changes: [BoxFateChange],
        matched: Int, pairsPredictions: Bool
    ) {
        self.a = a
        self.b = b
        self.predicate = predicate
        self.before = before
        self.after = after
        self.changes = changes
        self.matched = matched
        self.pairsPredictions = pairsPredictions
    }
}
