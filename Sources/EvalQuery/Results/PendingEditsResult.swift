/// `pending`: the edits of an evaluation not pushed yet, oldest first, each with what it changed.
public struct PendingEditsResult: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        /// The statement as typed.
        public var statement: String
        /// What it changed (`TP 120 → 118, FP 30 → 25`).
        public var effect: String
    }

    public var evaluation: String
    public var edits: [Entry]
    /// Where `push` with no target sends them.
    public var pushTarget: String
}
