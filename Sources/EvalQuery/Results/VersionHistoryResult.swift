/// `log NAME`: the versions of one stored experiment, oldest first.
public struct VersionHistoryResult: Equatable, Sendable {
    public var experiment: String
    public var versions: [StoredVersionEntry]

    public init(experiment: String, versions: [StoredVersionEntry]) {
        self.experiment = experiment
        self.versions = versions
    }
}
