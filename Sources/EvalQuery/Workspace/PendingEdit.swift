/// A pending edit as the user made it: the statement, what it changed, and when.
public struct PendingEdit: Equatable, Sendable {
    public var edit: Edit
    /// The statement's text as typed.
    public var statement: String
    /// What it did, "before → after" (counts and statistics).
    public var effect: String

    public init(edit: Edit, statement: String, effect: String) {
        self.edit = edit
        self.statement = statement
        self.effect = effect
    }
}
