import EvalCore
import Foundation

/// One version of a stored experiment as `log` and `experiments` show it; the figures a
/// payload-only version does not record are nil.
public struct StoredVersionEntry: Equatable, Sendable {
    public var number: Int
    public var pushedAt: Date
    public var message: String?
    public var ap: Double?
    public var ap50: Double?
    public var precision: Double?
    public var recall: Double?
    public var f1: Double?
    public var point: OperatingPoint?
    public var imageCount: Int?
    /// True for a version with boxes (pulled back, it is the evaluation); false for the two
    /// Picsellia logs alone.
    public var hasBoxes: Bool
    /// The edits it carried, each as `statement: effect`.
    public var edits: [String]

    public init(
        number: Int, pushedAt: Date, message: String?, ap: Double?, ap50: Double?, precision: Double?, recall: Double?,
        f1: Double?, point: OperatingPoint?, imageCount: Int?, hasBoxes: Bool, edits: [String]
    ) {
        self.number = number
        self.pushedAt = pushedAt
        self.message = message
        self.ap = ap
        self.ap50 = ap50
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        self.point = point
        self.imageCount = imageCount
        self.hasBoxes = hasBoxes
        self.edits = edits
    }
}
