/// Computes both families of numbers over one ground truth and one set of predictions.
///
/// Built once per loaded evaluation: it groups predictions and ground truth per image and class
/// and sorts predictions by score, so that a new operating point (`metric iou=…`) is a cheap
/// recomputation. Excluded images are passed as a mask (true = included).
public final class Evaluator: @unchecked Sendable {
    public let groundTruth: GroundTruth
    public let detections: Detections

    public init(groundTruth: GroundTruth, detections: Detections) {
        self.groundTruth = groundTruth
        self.detections = detections
        fatalError("skeleton: implemented in the engine work")
    }

    /// COCO bbox metrics, identical to pycocotools 2.0.x (`semantics.md` §1).
    public func cocoMetrics(imageMask: [Bool]? = nil) throws(EvalCoreError) -> COCOMetrics {
        fatalError("skeleton")
    }

    /// Confusion matrix, per-image counts and fates at `point` (`semantics.md` §2).
    public func operatingPoint(_ point: OperatingPoint, imageMask: [Bool]? = nil) -> OperatingPointResult {
        fatalError("skeleton")
    }

    /// The Picsellia `evaluation` payload of this evaluation at an operating point (`semantics.md` §3).
    public func payload(
        _ result: OperatingPointResult, metrics: [(key: String, value: JSONValue)], imageMask: [Bool]? = nil
    ) -> PicselliaEvaluation {
        fatalError("skeleton")
    }
}

/// Errors the engines raise: conditions of the data, not of files.
public enum EvalCoreError: Error, Equatable, Sendable {
    /// COCO metrics rank predictions by score; `index` is the first prediction without one.
    case missingScore(index: Int)
}
