/// The result of a COCO bbox evaluation, as pycocotools' `COCOeval` leaves it after
/// `accumulate()` and `summarize()`.
public struct COCOMetrics: Sendable {
    /// The names of `stats`, in pycocotools' order; JSON output uses them as keys.
    public static let statNames = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"]

    /// The 12 summary statistics (−1 where pycocotools prints −1).
    public var stats: [Double]
    /// Per class, in label-map order: AP over IoU 0.50:0.95 (area all, 100 detections); −1 without ground truth.
    public var perClassAP: [Double]
    /// Per class, in label-map order: AP at IoU 0.50; −1 without ground truth.
    public var perClassAP50: [Double]
    /// `precision[t][r][k][a][m]` flattened row-major with the dimensions in `shape`
    /// (T=10 IoU thresholds, R=101 recall points, K classes in label-map order, A=4 areas, M=3 maxDets).
    public var precision: [Double]
    /// `recall[t][k][a][m]` flattened row-major.
    public var recall: [Double]
    public var shape: (t: Int, r: Int, k: Int, a: Int, m: Int)

    public init(
        stats: [Double], perClassAP: [Double], perClassAP50: [Double], precision: [Double], recall: [Double],
        shape: (t: Int, r: Int, k: Int, a: Int, m: Int)
    ) {
        self.stats = stats
        self.perClassAP = perClassAP
        self.perClassAP50 = perClassAP50
        self.precision = precision
        self.recall = recall
        self.shape = shape
    }

    /// The interpolated precision at the 101 recall points for one IoU threshold index and class
    /// (area all, 100 detections); −1 entries where the class has no ground truth.
    public func precisionCurve(iouIndex: Int, classIndex: Int) -> [Double] {
        (0..<shape.r).map { r in
            precision[(((iouIndex * shape.r + r) * shape.k + classIndex) * shape.a + 0) * shape.m + 2]
        }
    }
}
