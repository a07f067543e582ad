/// Computes both families of numbers over one ground truth and one set of predictions.
///
/// Built once per loaded evaluation: it groups predictions and ground truth per image and class
/// and sorts predictions by score, so that a new operating point (`metric iou=…`) is a cheap
/// recomputation. Excluded images
/// are passed as a mask (true = included). Immutable after `init`, hence safe to share.
public final class Evaluator: @unchecked Sendable {
    public let groundTruth: GroundTruth
    public let detections: Detections
    /// The grouping of COCO metrics (per class, per image in id order, scores sorted).
    let cocoIndex: COCOIndex
    /// The grouping of the operating point (per image, scores sorted).
    let pointIndex: PointIndex

    /// `detections.image`/`category` and `groundTruth.annotations.image`/`category` must be valid
    /// indices into `groundTruth.images`/`categories` (the readers guarantee it).
    public convenience init(groundTruth: GroundTruth, detections: Detections) {
        self.init(groundTruth: groundTruth, detections: detections, shouldStop: { false })!
    }

    /// The same, polling `shouldStop` (Ctrl-C in the shell) every few milliseconds of work: nil
    /// when it answered true, having built nothing that outlives the call.
    public init?(groundTruth: GroundTruth, detections: Detections, shouldStop: @escaping @Sendable () -> Bool) {
        self.groundTruth = groundTruth
        self.detections = detections
        let slots = IndexSlots()
        parallelFor(2) { task in
            if task == 0 {
                slots.coco = COCOIndex(groundTruth: groundTruth, detections: detections, shouldStop: shouldStop)
            } else {
                slots.point = PointIndex(groundTruth: groundTruth, detections: detections, shouldStop: shouldStop)
            }
        }
        guard let coco = slots.coco, let point = slots.point else { return nil }
        self.cocoIndex = coco
        self.pointIndex = point
    }

    /// The mask as a full array of flags; `nil` includes every image.
    func includedImages(_ imageMask: [Bool]?) -> [Bool] {
        guard let imageMask else { return [Bool](repeating: true, count: groundTruth.images.count) }
        precondition(
            imageMask.count == groundTruth.images.count,
            "image mask has \(imageMask.count) flags for \(groundTruth.images.count) images")
        return imageMask
    }
}

/// The two indexes `Evaluator.init` builds side by side, one per thread.
private final class IndexSlots: @unchecked Sendable {
    var coco: COCOIndex?
    var point: PointIndex?
}
