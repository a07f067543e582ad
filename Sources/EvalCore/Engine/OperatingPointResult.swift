/// The confusion matrix and the per-image, per-class counts at one operating point.
public struct OperatingPointResult: Sendable {
    public var point: OperatingPoint
    public var classCount: Int { counts.classCount }
    public var imageCount: Int { counts.imageCount }
    /// `(n+1)×(n+1)`: rows ground truth, columns predictions, last row and column background.
    public var confusion: [[Int]]
    /// Objects, predictions, TP, FP and FN per image and class.
    public var counts: ImageClassCounts
    /// One per prediction, in the predictions' file order.
    public var detectionFates: [DetectionFate]
    /// One per ground-truth annotation, in file order.
    public var groundTruthFates: [GroundTruthFate]
    /// Per confusion cell (`row * (n+1) + column`), the images with at least one object in it
    /// and how many, in image order.
    public var cellImages: [[(image: Int32, count: Int32)]]

    public init(
        point: OperatingPoint, confusion: [[Int]], counts: ImageClassCounts, detectionFates: [DetectionFate],
        groundTruthFates: [GroundTruthFate], cellImages: [[(image: Int32, count: Int32)]]
    ) {
        self.point = point
        self.confusion = confusion
        self.counts = counts
        self.detectionFates = detectionFates
        self.groundTruthFates = groundTruthFates
        self.cellImages = cellImages
    }

    /// The images behind cell `[row][column]` (indices into the label map; `classCount` is background).
    public func images(inCell row: Int, _ column: Int) -> [(image: Int32, count: Int32)] {
        cellImages[row * (classCount + 1) + column]
    }
}
