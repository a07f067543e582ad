import EvalCore

/// One image's counts, per class in label-map order.
public struct ImageRow: Equatable, Sendable {
    public var filename: String
    /// The image's counts, as counts of a single image.
    public var counts: ImageClassCounts
    public var extra: Int?

    public init(filename: String, counts: ImageClassCounts, extra: Int? = nil) {
        precondition(counts.imageCount == 1, "ImageRow: the counts of one image")
        self.filename = filename
        self.counts = counts
        self.extra = extra
    }
}
