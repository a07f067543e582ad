import Foundation

/// The two Picsellia logs of one evaluation, already serialized as JSON by the caller
/// (EvalFormats), so the store moves bytes and never reinterprets them.
public struct EvaluationDocuments: Equatable, Sendable {
    /// The data of the `evaluation` log (type `EVALUATION`).
    public var evaluation: Data
    /// The data of the `confusion-matrix` log (type `HEATMAP`); `nil` when the source had none
    /// (a file pushed without its companion, an experiment without that log).
    public var confusionMatrix: Data?

    public init(evaluation: Data, confusionMatrix: Data?) {
        self.evaluation = evaluation
        self.confusionMatrix = confusionMatrix
    }

    /// Refuses documents that cannot be a log's data: empty, or not starting with `{`.
    ///
    /// A cheap guard rather than a full parse: the documents come from EvalFormats' writer and
    /// can be tens of megabytes, but a mix-up (an empty buffer, a JSON array) must not reach
    /// a store where it would be kept forever.
    public func validate() throws(StoreError) {
        try Self.validate(evaluation, which: "evaluation")
        if let confusionMatrix { try Self.validate(confusionMatrix, which: "confusion-matrix") }
    }

    private static func validate(_ data: Data, which: String) throws(StoreError) {
        guard let first = data.first(where: { !RawJSON.isWhitespace($0) }) else {
            throw StoreError.emptyDocument(which: which)
        }
        guard first == UInt8(ascii: "{") else { throw StoreError.documentIsNotJSONObject(which: which) }
    }
}
