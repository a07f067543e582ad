
/// The figures `log` lists for a version: COCO AP and AP50 (nil without boxes or recorded
/// statistics) and the operating point's precision, recall and F1 over the included images.
public struct VersionFigures: Equatable, Sendable {
    public var imageCount: Int
    public var ap: Double?
    public var ap50: Double?
    public var precision: Double
    public var recall: Double
    public var f1: Double

    public init(imageCount: Int, ap: Double?, ap50: Double?, precision: Double, recall: Double, f1: Double) {
        self.imageCount = imageCount
        self.ap = ap
        self.ap50 = ap50
        self.precision = precision
        self.recall = recall
        self.f1 = f1
    }
}
