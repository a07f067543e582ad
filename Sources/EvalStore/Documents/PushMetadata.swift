/// What a push records beside the documents, shown by `log`.
public struct PushMetadata: Equatable, Sendable {
    /// The user's note, as in `push store:x -m "raised iou"`.
    public var message: String?
    /// Human-readable descriptions of the edits the pushed evaluation carries, in order.
    public var edits: [String]
    /// Where the evaluation came from (file names, a Picsellia experiment…).
    public var source: String?

    public init(message: String? = nil, edits: [String] = [], source: String? = nil) {
        self.message = message
        self.edits = edits
        self.source = source
    }
}
