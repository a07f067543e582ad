import Foundation

/// A pair of JSON files on disk: `NAME.json` holds the evaluation log's data and
/// `NAME.confusion-matrix.json`, beside it, the confusion-matrix log's data.
public struct FileTarget: Sendable {
    public let evaluationURL: URL
    /// Where the matrix goes when not beside the evaluation (a payload loaded with its matrix
    /// from another file is pushed back to that file).
    private let matrixURL: URL?

    public init(evaluationURL: URL, confusionMatrixURL: URL? = nil) {
        self.evaluationURL = evaluationURL
        self.matrixURL = confusionMatrixURL
    }

    /// `x.json` → `x.confusion-matrix.json` (a name without `.json` gets the suffix appended),
    /// unless another file was given.
    public var confusionMatrixURL: URL {
        if let matrixURL { return matrixURL }
        let name = evaluationURL.lastPathComponent
        let stem = name.hasSuffix(".json") ? String(name.dropLast(".json".count)) : name
        return evaluationURL.deletingLastPathComponent().appendingPathComponent("\(stem).confusion-matrix.json")
    }

    /// Replaces both files atomically (the companion only when there is a confusion matrix).
    public func push(_ documents: EvaluationDocuments) throws(StoreError) {
        try documents.validate()
        var files = [(data: documents.evaluation, url: evaluationURL)]
        if let matrix = documents.confusionMatrix { files.insert((matrix, confusionMatrixURL), at: 0) }
        try AtomicFileWriter().replace(files)
    }

    /// Reads the evaluation file and, when it exists, its companion confusion-matrix file.
    public func pull() throws(StoreError) -> PulledEvaluation {
        let evaluation = try Self.read(evaluationURL)
        let matrix = FileManager.default.fileExists(atPath: confusionMatrixURL.path)
            ? try Self.read(confusionMatrixURL) : nil
        return PulledEvaluation(
            documents: EvaluationDocuments(evaluation: evaluation, confusionMatrix: matrix),
            origin: evaluationURL.path, version: nil)
    }

    private static func read(_ url: URL) throws(StoreError) -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else { throw StoreError.fileNotFound(path: url.path) }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw StoreError.fileReadFailed(path: url.path, detail: error.localizedDescription)
        }
    }
}
