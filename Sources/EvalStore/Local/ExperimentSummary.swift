import Foundation

/// One line of `experiments`: an experiment of the local store and how far its history goes.
public struct ExperimentSummary: Equatable, Sendable {
    public var name: String
    public var versionCount: Int
    public var lastPushAt: Date

    public init(name: String, versionCount: Int, lastPushAt: Date) {
        self.name = name
        self.versionCount = versionCount
        self.lastPushAt = lastPushAt
    }
}
