/// The objects and predictions of an operating point, one row each, in columns (the `boxes` view).
///
/// Rows, image by image in label-map image order (`imageRowStart`): the image's ground truth in
/// file order, then its predictions kept at the confidence threshold by descending score. Images
/// left out by the image mask have no rows; predictions below the threshold have none.
public struct BoxTable: Sendable {
    public enum Kind: UInt8, Sendable {
        case groundTruth, prediction

        /// `gt` or `pred`, as the `kind` field reads.
        public var fieldName: String { self == .groundTruth ? "gt" : "pred" }
    }

    /// What a row is at the operating point (`semantics.md` §2).
    public enum Fate: UInt8, Sendable {
        /// A prediction matched in the class-aware pass, or the object it matched.
        case truePositive
        /// A kept prediction that is not a true positive (a confusion counts here too).
        case falsePositive
        /// An object no prediction of its class matched (a confusion counts here too).
        case falseNegative
        /// A crowd region, or a prediction set aside on one: no part of the counts.
        case ignored

        /// `TP`, `FP`, `FN` or `ignored`.
        public var fieldName: String {
            switch self {
            case .truePositive: return "TP"
            case .falsePositive: return "FP"
            case .falseNegative: return "FN"
            case .ignored: return "ignored"
            }
        }
    }

    /// COCO's area ranges, read as half-open: small `< 32²`, medium `< 96²`, large the rest.
    public enum AreaRange: UInt8, Sendable {
        case small, medium, large

        public init(area: Double) {
            self = area < 32 * 32 ? .small : area < 96 * 96 ? .medium : .large
        }

        public var fieldName: String { String(describing: self) }
    }

    public var kind: [Kind] = []
    /// The row's index into `groundTruth.annotations` or `detections`, by `kind`.
    public var source: [Int32] = []
    public var image: [Int32] = []
    /// Index into the label map.
    public var category: [Int32] = []
    /// NaN for ground truth (and for a prediction without a score).
    public var score: [Double] = []
    public var x: [Double] = []
    public var y: [Double] = []
    public var width: [Double] = []
    public var height: [Double] = []
    /// Ground truth: the annotation's `area` field (what COCO's ranges test); predictions: w·h.
    public var area: [Double] = []
    public var range: [AreaRange] = []
    /// IoU with the row's match (for a prediction set aside: its crowd IoU); NaN without one.
    public var iou: [Double] = []
    /// The label-map index of the matched object's or prediction's class (for a prediction set
    /// aside: the crowd region's); −1 for none.
    public var match: [Int32] = []
    public var fate: [Fate] = []
    /// TIDE's error type at this operating point (see `Evaluator.boxTable`); `nil` for none.
    public var error: [TIDEError?] = []
    /// The rows of image `i` are `imageRowStart[i]..<imageRowStart[i + 1]`.
    public var imageRowStart: [Int] = [0]

    public init() {}

    public var count: Int { kind.count }

    /// The rows of the given images, in table order (the `boxes` after `cell` or `where`).
    public func rows(ofImages images: some Sequence<Int>) -> [Int] {
        images.flatMap { Array(imageRowStart[$0]..<imageRowStart[$0 + 1]) }
    }

    mutating func reserveCapacity(_ n: Int) {
        kind.reserveCapacity(n); source.reserveCapacity(n); image.reserveCapacity(n); category.reserveCapacity(n)
        score.reserveCapacity(n); x.reserveCapacity(n); y.reserveCapacity(n); width.reserveCapacity(n)
        height.reserveCapacity(n); area.reserveCapacity(n); range.reserveCapacity(n); iou.reserveCapacity(n)
        match.reserveCapacity(n); fate.reserveCapacity(n); error.reserveCapacity(n)
    }

    /// Appends the rows of `other`, whose images follow this table's.
    mutating func append(contentsOf other: BoxTable) {
        let offset = count
        kind += other.kind; source += other.source; image += other.image; category += other.category
        score += other.score; x += other.x; y += other.y; width += other.width; height += other.height
        area += other.area; range += other.range; iou += other.iou; match += other.match; fate += other.fate
        error += other.error
        imageRowStart += other.imageRowStart.dropFirst().map { $0 + offset }
    }

    mutating func append(
        kind: Kind, source: Int, image: Int, category: Int32, score: Double, box: BoundingBox, area: Double,
        iou: Double, match: Int32, fate: Fate, error: TIDEError?
    ) {
        self.kind.append(kind); self.source.append(Int32(source)); self.image.append(Int32(image))
        self.category.append(category); self.score.append(score)
        x.append(box.x); y.append(box.y); width.append(box.width); height.append(box.height)
        self.area.append(area); range.append(AreaRange(area: area)); self.iou.append(iou)
        self.match.append(match); self.fate.append(fate); self.error.append(error)
    }
}
