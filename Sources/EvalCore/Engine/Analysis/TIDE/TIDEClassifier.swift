/// TIDE's rule for why one prediction is false (`tidecv`'s `TIDERun._eval_image`), over the
/// non-crowd ground truth of its image.
///
/// Every "best" is NumPy's `argmax` over a row where the excluded objects count as IoU 0: the
/// first object holding the maximum.
struct TIDEClassifier {
    let foreground: Double
    let background: Double

    /// The error and the object it points at (an index into the given columns; −1 for `dupe`,
    /// `bkg` and `both`).
    /// - Parameters:
    ///   - ious: the prediction's IoU with each object.
    ///   - classes: each object's class.
    ///   - matched: whether each object is matched to a true positive.
    func classify(
        ious: UnsafeBufferPointer<Double>, classes: UnsafeBufferPointer<Int32>, matched: UnsafeBufferPointer<Bool>,
        category: Int32
    ) -> (error: TIDEError, object: Int) {
        let g = ious.count
        if g == 0 { return (.bkg, -1) }
        let sameClass = argmax(g) { classes[$0] == category ? ious[$0] : 0 }
        if background <= sameClass.value && sameClass.value <= foreground { return (.loc, sameClass.index) }
        let otherClass = argmax(g) { classes[$0] != category ? ious[$0] : 0 }
        if otherClass.value >= foreground { return (.cls, otherClass.index) }
        let taken = argmax(g) { matched[$0] && classes[$0] == category ? ious[$0] : 0 }
        if taken.value >= foreground { return (.dupe, -1) }
        let any = argmax(g) { ious[$0] }
        if any.value <= background { return (.bkg, -1) }
        return (.both, -1)
    }

    @inline(__always)
    private func argmax(_ count: Int, _ value: (Int) -> Double) -> (index: Int, value: Double) {
        var best = 0
        var bestValue = value(0)
        for j in 1..<max(count, 1) {
            let v = value(j)
            if v > bestValue {
                best = j
                bestValue = v
            }
        }
        return (best, bestValue)
    }
}
