import EvalCore

/// A ground-truth object or a prediction of one image.
public struct ViewObject: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case groundTruth, prediction }
    public enum Fate: Equatable, Sendable {
        case truePositive
        case falsePositive
        case missed
        /// A ground truth predicted as another class, or a prediction of the wrong class:
        /// `classIndex` is the other side's class.
        case confused(classIndex: Int)
        case crowd
        case setAside
        case belowConfidence
        /// A payload carries no matching: its predictions have no known fate.
        case unknown
    }

    public var kind: Kind
    public var classIndex: Int
    public var box: BoundingBox
    public var score: Double?
    public var fate: Fate
    /// IoU with the match, when there is one.
    public var iou: Double?
    /// The index (in this view's `objects`) of the matched object.
    public var match: Int?

    public init(kind: Kind, classIndex: Int, box: BoundingBox, score: Double?, fate: Fate, iou: Double?, match: Int?) {
        self.kind = kind
        self.classIndex = classIndex
        self.box = box
        self.score = score
        self.fate = fate
        self.iou = iou
        self.match = match
    }
}
