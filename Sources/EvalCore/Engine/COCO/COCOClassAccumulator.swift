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

        let order = index.scoreOrder[slotBase..<(slotBase + slotCount)]
        var sequence: [Int] = []
        sequence.reserveCapacity(slotCount)
        var rc: [Double] = [], pr: [Double] = []
        for (m, maxDet) in COCOParameters.maxDetections.enumerated() {
            sequence.removeAll(keepingCapacity: true)
            for slot in order {
                let s = Int(slot)
                guard Int(index.detectionRank[s]) < maxDet, included[Int(index.pairImage[Int(index.detectionPair[s])])] else {
                    continue
                }
                sequence.append(s - slotBase)
            }
            let nd = sequence.count
            for a in 0..<aCount where notIgnored[a] > 0 {
                let npig = Double(notIgnored[a])
                for t in 0..<tCount {
                    rc.removeAll(keepingCapacity: true)
                    pr.removeAll(keepingCapacity: true)
                    var tp = 0.0, fp = 0.0
                    for s in sequence {
                        switch states[(s * aCount + a) * tCount + t] {
                        case .matched: tp += 1
                        case .unmatched: fp += 1
                        case .ignored: break
                        }
                        rc.append(tp / npig)
                        pr.append(tp / (fp + tp + Double.ulpOfOne))
                    }
                    recall[(t * aCount + a) * mCount + m] = nd > 0 ? rc[nd - 1] : 0
                    if nd > 1 {
                        for i in stride(from: nd - 1, to: 0, by: -1) where pr[i] > pr[i - 1] { pr[i - 1] = pr[i] }
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
}
