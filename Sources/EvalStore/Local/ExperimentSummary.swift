import Foundation

/// One line of `experiments`: an experiment of the local store, how far its history goes, and
/// its latest version.
public struct ExperimentSummary: Equatable, Sendable {
    public var name: String
    public var versionCount: Int
    public var lastPushAt: Date
    public var latest: StoredVersion

    public init(name: String, versionCount: Int, lastPushAt: Date, latest: StoredVersion) {
        self.name = name
        self.versionCount = versionCount
        self.lastPushAt = lastPushAt
        self.latest = latest
    }
}
