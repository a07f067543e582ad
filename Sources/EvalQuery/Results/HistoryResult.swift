/// `history`: the line editor's newest entries, oldest first, with their numbers.
public struct HistoryResult: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var number: Int
        public var statement: String

        public init(number: Int, statement: String) {
            self.number = number
            self.statement = statement
        }
    }

    public var entries: [Entry]
    /// False outside the interactive shell, where no history is kept.
    public var isKept: Bool

    public init(entries: [Entry], isKept: Bool) {
        self.entries = entries
        self.isKept = isKept
    }
}
