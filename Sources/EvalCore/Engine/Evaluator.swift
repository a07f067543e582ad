/// Computes both families of numbers over one ground truth and one set of predictions.
///
/// Each family works on an index of its own (predictions and ground truth grouped per image and
/// class, predictions sorted by score), built the first time a number of that family is asked
/// for and kept, so that a new operating point (`metric iou=…`) is a cheap recomputation and
/// creating an evaluator (a `load`, a `pull`) costs nothing. Excluded images are passed as a
/// mask (true = included). Immutable after `init` but for its indexes, which are built once
/// under a lock: safe to share.
public final class Evaluator: @unchecked Sendable {
    public let groundTruth: GroundTruth
    public let detections: Detections
    private let cocoSlot: BuiltOnce<COCOIndex>
    private let pointSlot: BuiltOnce<PointIndex>

    /// `detections.image`/`category` and `groundTruth.annotations.image`/`category` must be valid
    /// indices into `groundTruth.images`/`categories` (the readers guarantee it).
    public init(groundTruth: GroundTruth, detections: Detections) {
        self.groundTruth = groundTruth
        self.detections = detections
        cocoSlot = BuiltOnce { COCOIndex(groundTruth: groundTruth, detections: detections)! }
        pointSlot = BuiltOnce { PointIndex(groundTruth: groundTruth, detections: detections) }
    }

    /// The grouping of COCO metrics (per class, per image in id order, scores sorted).
    var cocoIndex: COCOIndex { cocoSlot.value }
    /// The grouping of the operating point (per image, scores sorted).
    var pointIndex: PointIndex { pointSlot.value }

    /// Which indexes exist yet: the COCO metrics' and the operating point's.
    public var builtIndexes: (coco: Bool, point: Bool) { (cocoSlot.isBuilt, pointSlot.isBuilt) }

    /// Builds the indexes asked for now (both side by side on two threads), where they do not
    /// exist yet: for a caller that knows what it will need.
    public func buildIndexes(coco: Bool = true, point: Bool = true) {
        switch (coco, point) {
        case (true, true):
            parallelFor(2) { task in
                if task == 0 { _ = self.cocoSlot.value } else { _ = self.pointSlot.value }
            }
        case (true, false): _ = cocoSlot.value
        case (false, true): _ = pointSlot.value
        case (false, false): break
        }
    }

    /// The mask as a full array of flags; `nil` includes every image.
    /// Throws `missingScore` for the first prediction of an included image without a score:
    /// what ranks predictions (COCO, the sweep, TIDE) needs one for every prediction it counts.
    func requireScores(included: [Bool]) throws(EvalCoreError) {
        for i in 0..<detections.count where included[Int(detections.image[i])] && detections.score[i].isNaN {
            throw .missingScore(index: i)
        }
    }

    func includedImages(_ imageMask: [Bool]?) -> [Bool] {
        guard let imageMask else { return [Bool](repeating: true, count: groundTruth.images.count) }
        precondition(
            imageMask.count == groundTruth.images.count,
            "image mask has \(imageMask.count) flags for \(groundTruth.images.count) images")
        return imageMask
    }
}
