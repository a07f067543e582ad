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

/// Counts at the operating point and what follows from them.
public struct Totals: Equatable, Sendable {
    public var objects: Int
    public var predictions: Int
    public var tp: Int
    public var fp: Int
    public var fn: Int

    public init(objects: Int, predictions: Int, tp: Int, fp: Int, fn: Int) {
        self.objects = objects
        self.predictions = predictions
        self.tp = tp
        self.fp = fp
        self.fn = fn
    }

    /// TP ÷ (TP + FP); 0 when nothing was predicted.
    public var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
    /// TP ÷ (TP + FN); 0 when there is nothing to find.
    public var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }
}

/// One class's totals, with its COCO AP values when boxes are loaded.
public struct ClassTotals: Equatable, Sendable {
    public var name: String
    public var totals: Totals
    /// AP over IoU 0.50:0.95 and at 0.50; nil on a payload, −1 for a class without ground truth.
    public var ap: Double?
    public var ap50: Double?
    /// The class's place in the label map (its colour), which sorting does not change.
    public var classIndex: Int?

    public init(name: String, totals: Totals, ap: Double? = nil, ap50: Double? = nil, classIndex: Int? = nil) {
        self.name = name
        self.classIndex = classIndex
        self.totals = totals
        self.ap = ap
        self.ap50 = ap50
    }
}

/// `classes`: one row per class (sorted as asked).
public struct ClassTableResult: Equatable, Sendable {
    public var rows: [ClassTotals]
    public var point: OperatingPoint
    /// The column `classes sort` ordered the rows by, as its header reads (`F1`, `FN`, `class`),
    /// so that a narrow view keeps it; nil in label-map order.
    public var sortedBy: String?

    public init(rows: [ClassTotals], point: OperatingPoint, sortedBy: String? = nil) {
        self.rows = rows
        self.point = point
        self.sortedBy = sortedBy
    }
}
