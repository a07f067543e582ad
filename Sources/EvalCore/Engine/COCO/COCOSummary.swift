/// pycocotools' `summarize` for bbox: the 12 statistics as means over the entries > −1, summed in
/// NumPy's order, so they are bit-identical.
///
/// The slices are read from each class's own arrays (`[t][r][a][m]`, `[t][a][m]`) in the order
/// pycocotools' layout `[t][r][k][a][m]` holds them with K in ascending category id, which fixes
/// the summation order, without building that layout.
struct COCOSummary {
    /// Per class (label-map order): precision and recall as `COCOClassAccumulator` returns them.
    let perClass: [(precision: [Double], recall: [Double])]
    /// Label-map indices in ascending category id.
    let classesByID: [Int]

    var stats: [Double] {
        let maxDets = COCOParameters.maxDetections
        return [
            average(precision: true, maxDets: 100),
            average(precision: true, iou: 0.5, maxDets: maxDets[2]),
            average(precision: true, iou: 0.75, maxDets: maxDets[2]),
            average(precision: true, area: 1, maxDets: maxDets[2]),
            average(precision: true, area: 2, maxDets: maxDets[2]),
            average(precision: true, area: 3, maxDets: maxDets[2]),
            average(precision: false, maxDets: maxDets[0]),
            average(precision: false, maxDets: maxDets[1]),
            average(precision: false, maxDets: maxDets[2]),
            average(precision: false, area: 1, maxDets: maxDets[2]),
            average(precision: false, area: 2, maxDets: maxDets[2]),
            average(precision: false, area: 3, maxDets: maxDets[2]),
        ]
    }

    /// `_summarize(ap, iouThr, areaRng, maxDets)`: the mean of `s[s > -1]`, or −1 when empty.
    private func average(precision isPrecision: Bool, iou: Double? = nil, area a: Int = 0, maxDets: Int) -> Double {
        let (tCount, rCount, aCount, mCount) = (COCOParameters.t, COCOParameters.r, COCOParameters.a, COCOParameters.m)
        guard let m = COCOParameters.maxDetections.firstIndex(of: maxDets) else { return -1 }
        let thresholds: [Int]
        if let iou {
            guard let t = COCOParameters.iouIndex(of: iou) else { return -1 }
            thresholds = [t]
        } else {
            thresholds = Array(0..<tCount)
        }
        var values: [Double] = []
        values.reserveCapacity(thresholds.count * (isPrecision ? rCount : 1) * classesByID.count)
        for t in thresholds {
            if isPrecision {
                for r in 0..<rCount {
                    for c in classesByID { values.append(perClass[c].precision[((t * rCount + r) * aCount + a) * mCount + m]) }
                }
            } else {
                for c in classesByID { values.append(perClass[c].recall[(t * aCount + a) * mCount + m]) }
            }
        }
        return COCOSummary.meanAboveMinusOne(values)
    }

    /// `np.mean(s[s > -1])`, or −1 when no entry is above −1.
    static func meanAboveMinusOne(_ values: [Double]) -> Double {
        let kept = values.filter { $0 > -1 }
        return kept.isEmpty ? -1 : numpyMean(kept)
    }
}
