import Foundation

/// Sends a push or a pull to the backend its `PushTarget` names: the local store, a file
/// pair, or Picsellia.
public struct TargetRouter: Sendable {
    public var localStoreURL: URL
    /// Read for `PICSELLIA_TOKEN` and `PICSELLIA_HOST`, only when a Picsellia target is used.
    public var environment: [String: String]
    public var retryPolicy: RetryPolicy

    public init(
        localStoreURL: URL? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        retryPolicy: RetryPolicy = RetryPolicy()
    ) {
        self.localStoreURL = localStoreURL ?? LocalStore.defaultURL(environment: environment)
        self.environment = environment
        self.retryPolicy = retryPolicy
    }

    /// Pushes `documents`. Picsellia keeps no history, so `metadata` is recorded only by the
    /// local store.
    @discardableResult
    /// `confusionMatrixURL` overrides where a file target's matrix goes (by default beside it).
    public func push(
        _ documents: EvaluationDocuments, metadata: PushMetadata, to target: PushTarget, confusionMatrixURL: URL? = nil
    ) throws(StoreError) -> PushReceipt {
        switch target {
        case .store(_, _?):
            throw StoreError.versionOnPush(target: target.description)
        case .store(let name, nil):
            return .stored(try LocalStore(url: localStoreURL).push(name: name, documents: documents, metadata: metadata))
        case .file(let url):
            let file = FileTarget(evaluationURL: url, confusionMatrixURL: confusionMatrixURL)
            try file.push(documents)
            return .files(evaluation: url, confusionMatrix: documents.confusionMatrix == nil ? nil : file.confusionMatrixURL)
        case .picsellia(let reference):
            return .picsellia(try picselliaClient().push(documents, to: reference))
        }
    }

    /// Pulls the documents `target` names (for the store, its latest version unless one is given).
    public func pull(from target: PushTarget) throws(StoreError) -> PulledEvaluation {
        switch target {
        case .store(let name, let version):
            return try LocalStore(url: localStoreURL).pull(name: name, version: version)
        case .file(let url):
            return try FileTarget(evaluationURL: url).pull()
        case .picsellia(let reference):
            return try picselliaClient().pull(from: reference)
        }
    }

    private func picselliaClient() throws(StoreError) -> PicselliaClient {
        PicselliaClient(configuration: try PicselliaConfiguration(environment: environment), retryPolicy: retryPolicy)
    }
}
