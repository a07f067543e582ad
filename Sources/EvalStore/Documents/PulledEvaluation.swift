/// The answer to a pull: the documents, where they came from, and for the local store the
/// version they belong to.
public struct PulledEvaluation: Equatable, Sendable {
    public var documents: EvaluationDocuments
    /// A human-readable origin, e.g. `store:detector@3`, `/data/run.json`, `picsellia:<id>`.
    public var origin: String
    /// The stored version; `nil` for files and Picsellia, which keep no history.
    public var version: StoredVersion?

    public init(documents: EvaluationDocuments, origin: String, version: StoredVersion?) {
        self.documents = documents
        self.origin = origin
        self.version = version
    }
}
