/// pycocotools' `summarize` for bbox: the 12 statistics as means over the entries > −1, summed in
/// NumPy's order, so they are bit-identical.
///
/// The arrays have pycocotools' layout (`[t][r][k][a][m]`, `[t][k][a][m]`) with K in label-map
/// order; the slices are read in the order pycocotools holds them, K in ascending category id,
/// which fixes the summation order.
struct COCOSummary {
    let precision: [Double]
    let recall: [Double]
    let classCount: Int
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
        let kCount = classCount
        var values: [Double] = []
        values.reserveCapacity(thresholds.count * (isPrecision ? rCount : 1) * classesByID.count)
        classesByID.withUnsafeBufferPointer { classes in
            if isPrecision {
                precision.withUnsafeBufferPointer { precision in
                    for t in thresholds {
                        for r in 0..<rCount {
                            let row = (t * rCount + r) * kCount
                            for c in classes { values.append(precision[((row + c) * aCount + a) * mCount + m]) }
                        }
                    }
                }
            } else {
                recall.withUnsafeBufferPointer { recall in
                    for t in thresholds {
                        for c in classes { values.append(recall[((t * kCount + c) * aCount + a) * mCount + m]) }
                    }
                }
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
