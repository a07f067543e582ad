/// TIDE's AP of one class (`tidecv`'s `APDataObject.get_ap`), in AP points: precision made
/// monotone from the right, read at the first point whose recall reaches each of 101 recall
/// thresholds (`np.searchsorted(…, side="left")`), missing points 0, averaged and times 100.
/// Same operations in the same order as the Python, so values agree to the last bit.
struct TIDEAveragePrecision {
    private var precisions: [Double] = []
    private var recalls: [Double] = []

    /// - Parameters:
    ///   - correct: the class's predictions in ranking order, true for a true positive.
    ///   - positives: the class's ground-truth count; AP is 0 without any.
    mutating func ap(_ correct: ArraySlice<Bool>, positives: Int) -> Double {
        if positives == 0 { return 0 }
        precisions.removeAll(keepingCapacity: true)
        recalls.removeAll(keepingCapacity: true)
        var tp = 0, fp = 0
        for flag in correct {
            if flag { tp += 1 } else { fp += 1 }
            precisions.append(Double(tp) / Double(tp + fp))
            recalls.append(Double(tp) / Double(positives))
        }
        var i = precisions.count - 1
        while i > 0 {
            if precisions[i] > precisions[i - 1] { precisions[i - 1] = precisions[i] }
            i -= 1
        }
        var sum = 0.0
        var index = 0
        for bar in 0...100 {
            let threshold = Double(bar) / 100
            while index < recalls.count && recalls[index] < threshold { index += 1 }
            if index < precisions.count { sum += precisions[index] }
        }
        return sum / 101 * 100
    }
}
