import EvalRender
import EvalCore
import EvalFormats
import EvalQuery
import EvalStore
import Foundation

/// The query layer's `StoreService` over EvalStore: keeps whole evaluations in the local store,
/// sends the two logs to a file pair or Picsellia, and hands store errors on as `StoreFailure`s.
/// The Picsellia token is read from the environment by EvalStore and never passes through here.
final class StoreAdapter: StoreService {
    let router: TargetRouter
    /// Asks a yes/no question in a terminal; nil where nobody can answer (a script, a pipe).
    let confirm: ((String) -> Bool)?
    private let writer = JSONWriter(indent: 2)

    init(router: TargetRouter, confirm: ((String) -> Bool)? = nil) {
        self.router = router
        self.confirm = confirm
    }

    func push(_ request: StorePushRequest) throws(ExecutionError) -> String {
        let target = try parse(request.target)
        let metadata = PushMetadata(message: request.message, edits: request.edits, source: "evalsh")
        do throws(StoreError) {
            if case .store(let name, nil) = target {
                let version = try LocalStore(url: router.localStoreURL).push(
                    name: name, evaluation: stored(request), metadata: metadata)
                return "store:\(version.experiment) (version \(version.number))"
            }
            let logs = request.logs()
            let documents = EvaluationDocuments(
                evaluation: Data(writer.bytes(logs.evaluation)), confusionMatrix: Data(writer.bytes(logs.confusionMatrix)))
            let receipt = try router.push(
                documents, metadata: metadata, to: target,
                confusionMatrixURL: request.confusionMatrixPath.map { URL(fileURLWithPath: $0) })
            switch receipt {
            case .stored(let version): return "store:\(version.experiment) (version \(version.number))"
            case .files(let evaluation, let matrix):
                return evaluation.path + (matrix.map { " and \($0.path)" } ?? "")
            case .picsellia(let receipt): return "Picsellia experiment \(receipt.experimentID)"
            }
        } catch {
            throw .store(StoreFailure(error))
        }
    }

    /// The request as the local store keeps it: boxes and state, or a payload's two logs.
    private func stored(_ request: StorePushRequest) -> StoredEvaluation {
        let f = request.figures
        let summary = VersionSummary(
            point: request.point, imageCount: f.imageCount, ap: f.ap, ap50: f.ap50, precision: f.precision,
            recall: f.recall, f1: f.f1)
        let state = StoredState(
            point: request.point, metrics: request.metrics, excluded: request.excluded, labels: request.labels)
        switch request.content {
        case .boxes(let groundTruth, let detections):
            return StoredEvaluation(content: .boxes(groundTruth, detections), state: state, summary: summary)
        case .payload:
            let logs = request.logs()
            let documents = EvaluationDocuments(
                evaluation: Data(writer.bytes(logs.evaluation)), confusionMatrix: Data(writer.bytes(logs.confusionMatrix)))
            return StoredEvaluation(content: .payload(documents), state: state, summary: summary)
        }
    }

    func pull(target: String) throws(ExecutionError) -> StorePullResult {
        let parsed = try parse(target)
        let documents: EvaluationDocuments
        do throws(StoreError) {
            if case .store(let name, let version) = parsed {
                guard storeExists else { throw .experimentNotFound(name: name, path: router.localStoreURL.path) }
                let pulled = try LocalStore(url: router.localStoreURL, readOnly: true).pullEvaluation(name: name, version: version)
                switch pulled.evaluation.content {
                case .boxes(let groundTruth, let detections):
                    let state = pulled.evaluation.state
                    return .boxes(
                        groundTruth, detections, point: state.point, metrics: state.metrics, excluded: state.excluded,
                        labels: state.labels)
                case .payload(let stored): documents = stored
                }
            } else {
                documents = try router.pull(from: parsed).documents
            }
        } catch {
            throw .store(StoreFailure(error))
        }
        do {
            let evaluation = try JSONValueParser.parse(bytes: [UInt8](documents.evaluation), name: target)
            let matrix = try documents.confusionMatrix.map { (data: Data) throws(FormatError) in
                try JSONValueParser.parse(bytes: [UInt8](data), name: "\(target) (confusion matrix)")
            }
            return .payload(evaluation: evaluation, confusionMatrix: matrix)
        } catch {
            throw .input(error, at: nil)
        }
    }

    func log(name: String) throws(ExecutionError) -> VersionHistoryResult {
        let versions: [StoredVersion]
        do throws(StoreError) {
            versions = try existingStore(for: name, readOnly: true).log(name: name)
        } catch {
            throw .store(StoreFailure(error))
        }
        return VersionHistoryResult(experiment: name, versions: versions.map(Self.entry))
    }

    func experiments() throws(ExecutionError) -> ExperimentListResult {
        let path = router.localStoreURL.path
        // Reading does not create the store: `experiments` on a new machine leaves no file behind.
        guard storeExists else { return ExperimentListResult(store: path, exists: false, experiments: []) }
        let experiments: [ExperimentSummary]
        do throws(StoreError) {
            experiments = try LocalStore(url: router.localStoreURL, readOnly: true).experiments()
        } catch {
            throw .store(StoreFailure(error))
        }
        return ExperimentListResult(store: path, exists: true, experiments: experiments.map {
            ExperimentListResult.Entry(name: $0.name, versionCount: $0.versionCount, latest: Self.entry($0.latest))
        })
    }

    static func entry(_ v: StoredVersion) -> StoredVersionEntry {
        let s = v.summary
        return StoredVersionEntry(
            number: v.number, pushedAt: v.createdAt, message: v.message, ap: s.ap, ap50: s.ap50, precision: s.precision,
            recall: s.recall, f1: s.f1, point: s.point, imageCount: s.imageCount, hasBoxes: v.kind == .boxes, edits: v.edits)
    }

    func forget(target: String, force: Bool) throws(ExecutionError) -> String {
        guard case .store(let name, let version) = try parse(target) else {
            throw .invalidValue("forget removes versions of the local store: store:NAME or store:NAME@VERSION", at: nil)
        }
        let store: LocalStore
        let versions: [StoredVersion]
        do throws(StoreError) {
            store = try existingStore(for: name, readOnly: false)
            let all = try store.log(name: name)
            versions = all.filter { version == nil || $0.number == version }
            if let version, versions.isEmpty {
                throw .versionNotFound(name: name, version: version, latest: all.last?.number ?? 0)
            }
        } catch {
            throw .store(StoreFailure(error))
        }
        let what = version.map { "store:\(name)@\($0)" } ?? "all \(versions.count) version(s) of store:\(name)"
        if !force {
            guard let confirm else {
                throw .unavailable("forget removes \(what) for good; a script must say so", help: "forget \(target) force")
            }
            guard confirm("forget \(what)? It cannot be undone. [y/N] ") else { return "nothing forgotten" }
        }
        let receipt: ForgetReceipt
        do throws(StoreError) {
            receipt = try store.forget(name: name, version: version)
        } catch {
            throw .store(StoreFailure(error))
        }
        let freed = ByteCountFormatter.string(fromByteCount: Int64(receipt.reclaimedBytes), countStyle: .file)
        return "forgot \(what) (\(receipt.versions.count) version(s)); \(freed) reclaimed"
    }

    /// The local store, when its file exists: reading never creates it.
    private func existingStore(for name: String, readOnly: Bool) throws(StoreError) -> LocalStore {
        guard storeExists else { throw .experimentNotFound(name: name, path: router.localStoreURL.path) }
        return try LocalStore(url: router.localStoreURL, readOnly: readOnly)
    }

    private var storeExists: Bool { FileManager.default.fileExists(atPath: router.localStoreURL.path) }

    /// A target that does not parse is a failure of kind `.target`: a mistake in the statement
    /// (exit status 65), not a failed push.
    private func parse(_ target: String) throws(ExecutionError) -> PushTarget {
        do { return try PushTarget.parse(target) } catch { throw .store(StoreFailure(error)) }
    }

    /// Asks on standard error and reads the answer from standard input: yes when it starts with y.
    static func askOnTerminal(_ question: String) -> Bool {
        FileHandle.standardError.write(Data(question.utf8))
        guard let answer = readLine() else { return false }
        return answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y")
    }

}
