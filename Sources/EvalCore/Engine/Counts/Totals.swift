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
