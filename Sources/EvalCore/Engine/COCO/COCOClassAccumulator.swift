/// pycocotools' `evaluate` + `accumulate` for one class: precision `[t][r][a][m]` and recall
/// `[t][a][m]` (−1 where pycocotools leaves −1).
struct COCOClassAccumulator {
    let index: COCOIndex
    let groundTruth: AnnotationColumns
    let detections: Detections

    /// `precision` has `T·R·A·M` values, `recall` `T·A·M`, both row-major.
    func accumulate(classIndex c: Int, included: [Bool]) -> (precision: [Double], recall: [Double]) {
        let (tCount, rCount, aCount, mCount) = (COCOParameters.t, COCOParameters.r, COCOParameters.a, COCOParameters.m)
        var precision = [Double](repeating: -1, count: tCount * rCount * aCount * mCount)
        var recall = [Double](repeating: -1, count: tCount * aCount * mCount)

        let slotBase = index.classDetectionStart[c]
        let slotCount = index.classDetectionStart[c + 1] - slotBase
        var states = [COCOMatchState](repeating: .unmatched, count: slotCount * aCount * tCount)
        var notIgnored = [Int](repeating: 0, count: aCount)
        var pairCount = 0
        var matcher = COCOPairMatcher(groundTruth: groundTruth, detections: detections)
        states.withUnsafeMutableBufferPointer { states in
            for pair in index.classPairStart[c]..<index.classPairStart[c + 1] where included[Int(index.pairImage[pair])] {
                pairCount += 1
                let gts = index.groundTruth[index.pairGroundTruthStart[pair]..<index.pairGroundTruthStart[pair + 1]]
                let dtStart = index.pairDetectionStart[pair], dtEnd = index.pairDetectionStart[pair + 1]
                let dts = index.detections[dtStart..<dtEnd]
                let offset = (dtStart - slotBase) * aCount * tCount
                let window = UnsafeMutableBufferPointer(rebasing: states[offset..<(offset + dts.count * aCount * tCount)])
                let counts = matcher.match(groundTruth: gts, detections: dts, states: window)
                for a in 0..<aCount { notIgnored[a] += counts[a] }
            }
        }
        // `if len(E) == 0: continue` — no pair at all leaves the class at −1.
        if pairCount == 0 { return (precision, recall) }

        // Per maxDets, the states of the detections kept, gathered in score order.
        let order = index.scoreOrder[slotBase..<(slotBase + slotCount)]
        let combos = aCount * tCount
        var ordered = [COCOMatchState](repeating: .unmatched, count: slotCount * combos)
        var rc = [Double](repeating: 0, count: slotCount), pr = rc
        for (m, maxDet) in COCOParameters.maxDetections.enumerated() {
            var nd = 0
            for slot in order {
                let s = Int(slot)
                guard Int(index.detectionRank[s]) < maxDet, included[Int(index.pairImage[Int(index.detectionPair[s])])] else {
                    continue
                }
                let from = (s - slotBase) * combos
                for q in 0..<combos { ordered[nd * combos + q] = states[from + q] }
                nd += 1
            }
            for a in 0..<aCount where notIgnored[a] > 0 {
                for t in 0..<tCount {
                    let at = (t * aCount + a) * mCount + m
                    recall[at] = ordered.withUnsafeBufferPointer { ordered in
                        rc.withUnsafeMutableBufferPointer { rc in
                            pr.withUnsafeMutableBufferPointer { pr in
                                Self.curve(
                                    ordered, stride: combos, offset: a * tCount + t, count: nd,
                                    positives: Double(notIgnored[a]), rc: rc, pr: pr)
                            }
                        }
                    }
                    // np.searchsorted(rc, recThrs, side='left'); points past the end stay 0.
                    var i = 0
                    for (r, threshold) in COCOParameters.recallThresholds.enumerated() {
                        while i < nd && rc[i] < threshold { i += 1 }
                        precision[((t * rCount + r) * aCount + a) * mCount + m] = i < nd ? pr[i] : 0
                    }
                }
            }
        }
        return (precision, recall)
    }

    /// Cumulative recall and precision over `count` detections in score order (`states[i * stride +
    /// offset]`), precision made monotone from the right; returns the recall (`rc[-1]`, 0 if none).
    private static func curve(
        _ states: UnsafeBufferPointer<COCOMatchState>, stride: Int, offset: Int, count: Int, positives: Double,
        rc: UnsafeMutableBufferPointer<Double>, pr: UnsafeMutableBufferPointer<Double>
    ) -> Double {
        var tp = 0.0, fp = 0.0
        for i in 0..<count {
            switch states[i * stride + offset] {
            case .matched: tp += 1
            case .unmatched: fp += 1
            case .ignored: break
            }
            rc[i] = tp / positives
            pr[i] = tp / (fp + tp + Double.ulpOfOne)
        }
        if count > 1 {
            for i in Swift.stride(from: count - 1, to: 0, by: -1) where pr[i] > pr[i - 1] { pr[i - 1] = pr[i] }
        }
        return count > 0 ? rc[count - 1] : 0
    }
}
