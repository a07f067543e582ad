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

extension Detections {
    /// The parts' predictions one after the other. Each column is copied by all cores at once
    /// and then released from the parts, so the join holds one column twice at most.
    public static func joined(_ parts: inout [Detections]) -> Detections {
        if parts.count == 1 { return parts.removeFirst() }
        var all = Detections()
        all.image = concatenated(take(&parts, \.image))
        all.category = concatenated(take(&parts, \.category))
        all.x = concatenated(take(&parts, \.x))
        all.y = concatenated(take(&parts, \.y))
        all.width = concatenated(take(&parts, \.width))
        all.height = concatenated(take(&parts, \.height))
        all.score = concatenated(take(&parts, \.score))
        parts = []
        return all
    }

    /// One column of every part, left empty in the parts.
    private static func take<T>(_ parts: inout [Detections], _ column: WritableKeyPath<Detections, [T]>) -> [[T]] {
        parts.indices.map { i in
            defer { parts[i][keyPath: column] = [] }
            return parts[i][keyPath: column]
        }
    }
}

/// The arrays one after the other, copied in parallel.
func concatenated<T: Sendable>(_ arrays: [[T]]) -> [T] {
    var starts = [0]
    for array in arrays { starts.append(starts.last! + array.count) }
    let offsets = starts, total = starts.last!
    return [T](unsafeUninitializedCapacity: total) { buffer, count in
        let target = SharedBuffer(buffer)
        parallelFor(arrays.count) { i in
            arrays[i].withUnsafeBufferPointer { source in
                guard let from = source.baseAddress else { return }
                (target.base.baseAddress! + offsets[i]).initialize(from: from, count: source.count)
            }
        }
        count = total
    }
}
