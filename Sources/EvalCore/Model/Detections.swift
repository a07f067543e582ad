/// Predicted boxes (a COCO results list), in columns and in file order.
///
/// `image` and `category` index the ground truth's `images` and `categories`. A prediction
/// without a score holds `nil`-like `Double.nan`: the operating point keeps it, COCO metrics
/// (which rank by score) refuse such a set with a message.
public struct Detections: Sendable {
    public var image: [Int32] = []
    public var category: [Int32] = []
    public var x: [Double] = []
    public var y: [Double] = []
    public var width: [Double] = []
    public var height: [Double] = []
    public var score: [Double] = []

    public init() {}

    public var count: Int { image.count }

    public func box(_ i: Int) -> BoundingBox {
        BoundingBox(x: x[i], y: y[i], width: width[i], height: height[i])
    }

    /// True when every prediction carries a score (COCO metrics need one).
    public var allScored: Bool { !score.contains { $0.isNaN } }

    public mutating func reserveCapacity(_ n: Int) {
        image.reserveCapacity(n); category.reserveCapacity(n)
        x.reserveCapacity(n); y.reserveCapacity(n); width.reserveCapacity(n); height.reserveCapacity(n)
        score.reserveCapacity(n)
    }

    public mutating func append(image: Int32, category: Int32, box: BoundingBox, score: Double) {
        self.image.append(image); self.category.append(category)
        x.append(box.x); y.append(box.y); width.append(box.width); height.append(box.height)
        self.score.append(score)
    }

    /// Appends all of `other`'s predictions (used to join columns parsed in parallel chunks).
    public mutating func append(contentsOf other: Detections) {
        image += other.image; category += other.category
        x += other.x; y += other.y; width += other.width; height += other.height
        score += other.score
    }
}
