/// The confusion matrix and the per-image, per-class counts at one operating point.
public struct OperatingPointResult: Sendable {
    public var point: OperatingPoint
    public var classCount: Int
    public var imageCount: Int
    /// `(n+1)×(n+1)`: rows ground truth, columns predictions, last row and column background.
    public var confusion: [[Int]]
    /// Per image and class, flattened as `[image * classCount + class]`.
    public var nbObjects: [Int32]
    public var nbPreds: [Int32]
    public var tp: [Int32]
    public var fp: [Int32]
    public var fn: [Int32]
    /// One per prediction, in the predictions' file order.
    public var detectionFates: [DetectionFate]
    /// One per ground-truth annotation, in file order.
    public var groundTruthFates: [GroundTruthFate]
    /// Per confusion cell (`row * (n+1) + column`), the images with at least one object in it
    /// and how many, in image order.
    public var cellImages: [[(image: Int32, count: Int32)]]

    public init(
        point: OperatingPoint, classCount: Int, imageCount: Int, confusion: [[Int]], nbObjects: [Int32],
        nbPreds: [Int32], tp: [Int32], fp: [Int32], fn: [Int32], detectionFates: [DetectionFate],
        groundTruthFates: [GroundTruthFate], cellImages: [[(image: Int32, count: Int32)]]
    ) {
        self.point = point
        self.classCount = classCount
        self.imageCount = imageCount
        self.confusion = confusion
        self.nbObjects = nbObjects
        self.nbPreds = nbPreds
        self.tp = tp
        self.fp = fp
        self.fn = fn
        self.detectionFates = detectionFates
        self.groundTruthFates = groundTruthFates
        self.cellImages = cellImages
    }

    /// The images behind cell `[row][column]` (indices into the label map; `classCount` is background).
    public func images(inCell row: Int, _ column: Int) -> [(image: Int32, count: Int32)] {
        cellImages[row * (classCount + 1) + column]
    }
}
