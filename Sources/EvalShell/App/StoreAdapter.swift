import EvalRender
import EvalCore
import EvalFormats
import EvalQuery
import EvalStore
import Foundation

/// The query layer's `StoreService` over EvalStore: serializes the logs, routes them to the local
/// store, a file pair or Picsellia, and turns store errors into messages. The Picsellia token is
/// read from the environment by EvalStore and never passes through here.
final class StoreAdapter: StoreService {
    let router: TargetRouter
    private let writer = JSONWriter(indent: 2)

    init(router: TargetRouter) {
        self.router = router
    }

    func push(
        evaluation: JSONValue, confusionMatrix: JSONValue, target: String, confusionMatrixPath: String?,
        message: String?, edits: [String]
    ) throws(ExecutionError) -> String {
        let documents = EvaluationDocuments(
            evaluation: Data(writer.bytes(evaluation)), confusionMatrix: Data(writer.bytes(confusionMatrix)))
        do {
            let receipt = try router.push(
                documents, metadata: PushMetadata(message: message, edits: edits, source: "evalsh"), to: try parse(target),
                confusionMatrixURL: confusionMatrixPath.map { URL(fileURLWithPath: $0) })
            switch receipt {
            case .stored(let version): return "store:\(version.experiment) (version \(version.number))"
            case .files(let evaluation, let matrix):
                return evaluation.path + (matrix.map { " and \($0.path)" } ?? "")
            case .picsellia(let receipt): return "Picsellia experiment \(receipt.experimentID)"
            }
        } catch let error as ExecutionError {
            throw error
        } catch {
            throw .store(Self.describe(error))
        }
    }

    func pull(target: String) throws(ExecutionError) -> (evaluation: JSONValue, confusionMatrix: JSONValue?) {
        let pulled: PulledEvaluation
        let parsed = try parse(target)
        if case .store(let name, _) = parsed, !storeExists {
            throw .store(StoreError.experimentNotFound(name: name, path: router.localStoreURL.path).description)
        }
        do {
            pulled = try router.pull(from: parsed)
        } catch let error as ExecutionError {
            throw error
        } catch {
            throw .store(Self.describe(error))
        }
        do {
            let evaluation = try JSONValueParser.parse(bytes: [UInt8](pulled.documents.evaluation), name: target)
            let matrix = try pulled.documents.confusionMatrix.map { (data: Data) throws(FormatError) in
                try JSONValueParser.parse(bytes: [UInt8](data), name: "\(target) (confusion matrix)")
            }
            return (evaluation, matrix)
        } catch {
            throw .input(error, at: nil)
        }
    }

    func log(name: String) throws(ExecutionError) -> ResultTable {
        guard storeExists else {
            throw .store(StoreError.experimentNotFound(name: name, path: router.localStoreURL.path).description)
        }
        let versions: [StoredVersion]
        do { versions = try LocalStore(url: router.localStoreURL).log(name: name) } catch { throw .store(Self.describe(error)) }
        return ResultTable(
            title: "versions of store:\(name) (pull store:\(name)@N)", columns: ["version", "pushed", "message", "edits"],
            rows: versions.map { v in
                [.int(v.number), .string(Self.time(v.createdAt)), .string(v.message ?? ""), .string(v.edits.joined(separator: "; "))]
            },
            notes: versions.isEmpty ? ["no versions"] : [])
    }

    func experiments() throws(ExecutionError) -> ResultTable {
        let experiments: [ExperimentSummary]
        // Reading does not create the store: `experiments` on a new machine leaves no file behind.
        guard storeExists else {
            return ResultTable(
                title: "experiments in \(router.localStoreURL.path)", columns: ["name", "versions", "last push"], rows: [],
                notes: ["there is no store here yet: push store:NAME creates it"])
        }
        do { experiments = try LocalStore(url: router.localStoreURL).experiments() } catch { throw .store(Self.describe(error)) }
        return ResultTable(
            title: "experiments in \(router.localStoreURL.path)", columns: ["name", "versions", "last push"],
            rows: experiments.map { [.string($0.name), .int($0.versionCount), .string(Self.time($0.lastPushAt))] },
            notes: experiments.isEmpty ? ["the store is empty: push store:NAME adds one"] : [])
    }

    private var storeExists: Bool { FileManager.default.fileExists(atPath: router.localStoreURL.path) }

    /// A target that does not parse is a mistake in the statement (exit status 65), not a failed push.
    private func parse(_ target: String) throws(ExecutionError) -> PushTarget {
        do { return try PushTarget.parse(target) } catch { throw .invalidValue(Self.describe(error), at: nil) }
    }

    static func describe(_ error: any Error) -> String {
        (error as? StoreError)?.description ?? String(describing: error)
    }

    static func time(_ date: Date) -> String {
        DateText.local(date)
    }
}
