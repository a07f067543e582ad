import EvalCore

/// `summary`: what an evaluation amounts to.
public struct SummaryResult: Sendable {
    /// The evaluation's name in the workspace.
    public var name: String
    public var point: OperatingPoint
    /// The 12 COCO statistics by `COCOMetrics.statNames`, when boxes are loaded; nil on a payload.
    public var coco: [Double]?
    /// Why `coco` is nil (a payload holds no boxes to rank; predictions without scores…).
    public var cocoUnavailable: String?
    public var totals: Totals
    public var perClass: [ClassTotals]
    /// The evaluation's `metrics` entries.
    public var metrics: [(key: String, value: JSONValue)]
    public var imageCount: Int
    public var excludedCount: Int

    public init(
        name: String, point: OperatingPoint, coco: [Double]?, cocoUnavailable: String?, totals: Totals,
        perClass: [ClassTotals], metrics: [(key: String, value: JSONValue)], imageCount: Int, excludedCount: Int
    ) {
        self.name = name
        self.point = point
        self.coco = coco
        self.cocoUnavailable = cocoUnavailable
        self.totals = totals
        self.perClass = perClass
        self.metrics = metrics
        self.imageCount = imageCount
        self.excludedCount = excludedCount
    }
}
