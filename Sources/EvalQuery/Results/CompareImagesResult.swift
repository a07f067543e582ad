import EvalCore

/// `compare A B [where …] [sort …] [limit N]`: per image both sides hold, B's counts and the
/// change from A.
public struct CompareImagesResult: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var filename: String
        /// The image's counts over all classes on each side.
        public var a: Totals
        public var b: Totals

        public init(filename: String, a: Totals, b: Totals) {
            self.filename = filename
            self.a = a
            self.b = b
        }
    }

    public var a: String
    public var b: String
    /// The `where` condition as written, if any.
    public var predicate: String?
    public var rows: [Row]
    /// Images the condition kept, before the limit.
    public var matched: Int
    /// The sides count at different operating points: the changes have no direction.
    public var mixedPoints: Bool

    public init(a: String, b: String, predicate: String?, rows: [Row], matched: Int, mixedPoints: Bool) {
        self.a = a
        self.b = b
        self.predicate = predicate
        self.rows = rows
        self.matched = matched
        self.mixedPoints = mixedPoints
    }
}
