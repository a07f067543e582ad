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
        // pycocotools' layout, K in label-map order; each class writes its own entries.
        var precision = [Double](repeating: -1, count: tCount * rCount * classCount * aCount * mCount)
        var recall = [Double](repeating: -1, count: tCount * classCount * aCount * mCount)
        precision.withUnsafeMutableBufferPointer { precisionBuffer in
            recall.withUnsafeMutableBufferPointer { recallBuffer in
                let (p, r) = (SharedBuffer(precisionBuffer), SharedBuffer(recallBuffer))
                parallelFor(classCount) { c in
                    accumulator.accumulate(
                        classIndex: c, included: included, classCount: classCount,
                        precision: p.base.baseAddress!, recall: r.base.baseAddress!)
                }
            }
        }
        let stats = COCOSummary(
            precision: precision, recall: recall, classCount: classCount, classesByID: cocoIndex.classesByID
        ).stats

        // Per class: the mean of precision[:, :, k, all, 100] (and [0.5, :, k, …]) over entries > −1.
        let allArea = 0, maxDet100 = mCount - 1
        func classAP(_ c: Int, thresholds: [Int]) -> Double {
            let values = thresholds.flatMap { t in
                (0..<rCount).map { q in precision[(((t * rCount + q) * classCount + c) * aCount + allArea) * mCount + maxDet100] }
            }
            return COCOSummary.meanAboveMinusOne(values)
        }
        let iou50 = COCOParameters.iouIndex(of: 0.5).map { [$0] } ?? []
        return COCOMetrics(
            stats: stats,
            perClassAP: (0..<classCount).map { classAP($0, thresholds: Array(0..<tCount)) },
            perClassAP50: (0..<classCount).map { classAP($0, thresholds: iou50) },
            precision: precision, recall: recall,
            shape: (t: tCount, r: rCount, k: classCount, a: aCount, m: mCount))
    }
}
