import EvalCore

/// `show FILENAME`: one image's objects, each with its fate.
public struct ImageViewResult: Equatable, Sendable {
    public var filename: String
    /// Image size in pixels; boxes of a payload are normalized, so it is 1×1 there.
    public var width: Double
    public var height: Double
    public var labels: [String]
    public var objects: [ViewObject]
    /// True when boxes are normalized `[0, 1]` (a loaded payload), false for pixels.
    public var normalized: Bool
    public var point: OperatingPoint
    /// The evaluation it belongs to, when a comparison shows the image of two.
    public var subject: String?

    public init(
        filename: String, width: Double, height: Double, labels: [String], objects: [ViewObject],
        normalized: Bool, point: OperatingPoint, subject: String? = nil
    ) {
        self.subject = subject
        self.filename = filename
        self.width = width
        self.height = height
        self.labels = labels
        self.objects = objects
        self.normalized = normalized
        self.point = point
    }
}
