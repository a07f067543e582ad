import EvalCore

/// One class's totals, with its COCO AP values when boxes are loaded.
public struct ClassTotals: Equatable, Sendable {
    public var name: String
    public var totals: Totals
    /// AP over IoU 0.50:0.95 and at 0.50; nil on a payload, −1 for a class without ground truth.
    public var ap: Double?
    public var ap50: Double?
    /// The class's place in the label map (its colour), which sorting does not change.
    public var classIndex: Int?
    /// AP75, APs, APm, APl and AR100 of the class, pycocotools' per-category slices (each nil
    /// where the class has no object in that range); nil without boxes.
    public var detail: COCOClassStatistics?

    public init(
        name: String, totals: Totals, ap: Double? = nil, ap50: Double? = nil, classIndex: Int? = nil,
        detail: COCOClassStatistics? = nil
    ) {
        self.name = name
        self.classIndex = classIndex
        self.totals = totals
        self.ap = ap
        self.ap50 = ap50
        self.detail = detail
    }
}
