/// `help [TOPIC]`: every statement without a topic; with one, its entry followed by the
/// entries of its related topics (the clauses of `where`, the settings of `set`).
public struct HelpResult: Sendable, Equatable {
    /// The entries shown; the first is the topic's when there is one.
    public var entries: [HelpEntry]
    /// Whether a topic was asked for and found (a page of one topic) or the overview.
    public var isTopic: Bool

    /// The page for `topic`; the overview when there is none or it is unknown.
    public init(topic: String?) {
        if let topic, let entry = HelpEntry.lookup(topic) {
            entries = [entry] + entry.related
            isTopic = true
        } else {
            entries = HelpEntry.all
            isTopic = false
        }
    }
}
