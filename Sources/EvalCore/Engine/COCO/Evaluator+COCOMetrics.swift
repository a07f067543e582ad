extension Evaluator {
    /// COCO bbox metrics, identical to pycocotools 2.0.x (`semantics.md` §1).
    ///
    /// `imageMask[i] == false` leaves image `i` out, as if `params.imgIds` did not list it.
    /// Classes are evaluated in parallel; the result's class axis is in label-map order.
    public func cocoMetrics(imageMask: [Bool]? = nil) throws(EvalCoreError) -> COCOMetrics {
        let included = includedImages(imageMask)
        try requireScores(included: included)
        let classCount = groundTruth.categories.count
        let (tCount, rCount, aCount, mCount) = (COCOParameters.t, COCOParameters.r, COCOParameters.a, COCOParameters.m)
        let accumulator = COCOClassAccumulator(
            index: cocoIndex, groundTruth: groundTruth.annotations, detections: detections)
        let perClass = parallelArray(count: classCount, initial: (precision: [Double](), recall: [Double]())) { out in
            parallelFor(classCount) { c in out[c] = accumulator.accumulate(classIndex: c, included: included) }
        }

        // The result's layout, K in label-map order (`summarize` reads the classes in id order).
        func labelMapLayout() -> (precision: [Double], recall: [Double]) {
            var precision = [Double](repeating: -1, count: tCount * rCount * classCount * aCount * mCount)
            var recall = [Double](repeating: -1, count: tCount * classCount * aCount * mCount)
            for k in 0..<classCount {
                let (p, r) = perClass[k]
                for t in 0..<tCount {
                    for a in 0..<aCount {
                        for m in 0..<mCount {
                            recall[((t * classCount + k) * aCount + a) * mCount + m] = r[(t * aCount + a) * mCount + m]
                            for q in 0..<rCount {
                                precision[(((t * rCount + q) * classCount + k) * aCount + a) * mCount + m] =
                                    p[((t * rCount + q) * aCount + a) * mCount + m]
                            }
                        }
                    }
                }
            }
            return (precision, recall)
        }
        let stats = COCOSummary(perClass: perClass, classesByID: cocoIndex.classesByID).stats
        let labelMap = labelMapLayout()

        // Per class: the mean of precision[:, :, k, all, 100] (and [0.5, :, k, …]) over entries > −1.
        let allArea = 0, maxDet100 = mCount - 1
        func classAP(_ c: Int, thresholds: [Int]) -> Double {
            let p = perClass[c].precision
            let values = thresholds.flatMap { t in
                (0..<rCount).map { q in p[((t * rCount + q) * aCount + allArea) * mCount + maxDet100] }
            }
            return COCOSummary.meanAboveMinusOne(values)
        }
        let iou50 = COCOParameters.iouIndex(of: 0.5).map { [$0] } ?? []
        return COCOMetrics(
            stats: stats,
            perClassAP: (0..<classCount).map { classAP($0, thresholds: Array(0..<tCount)) },
            perClassAP50: (0..<classCount).map { classAP($0, thresholds: iou50) },
            precision: labelMap.precision, recall: labelMap.recall,
            shape: (t: tCount, r: rCount, k: classCount, a: aCount, m: mCount))
    }
}
