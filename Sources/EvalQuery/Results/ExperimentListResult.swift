/// `experiments`: the experiments of the local store, each with its latest version.
public struct ExperimentListResult: Equatable, Sendable {
    public struct Entry: Equatable, Sendable {
        public var name: String
        public var versionCount: Int
        public var latest: StoredVersionEntry

        public init(name: String, versionCount: Int, latest: StoredVersionEntry) {
            self.name = name
            self.versionCount = versionCount
            self.latest = latest
        }
    }

    /// The store's file.
    public var store: String
    /// False when there is no store file yet (reading never creates one).
    public var exists: Bool
    public var experiments: [Entry]

    public init(store: String, exists: Bool, experiments: [Entry]) {
        self.store = store
        self.exists = exists
        self.experiments = experiments
    }
}
