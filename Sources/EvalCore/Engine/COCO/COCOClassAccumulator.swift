/// pycocotools' `evaluate` + `accumulate` for one class: precision `[t][r][a][m]` and recall
/// `[t][a][m]` (−1 where pycocotools leaves −1).
///
/// pycocotools builds, per `(t, a, m)`, the cumulative recall `rc` and precision `pr` over the
/// detections in score order, makes `pr` monotone from the right and reads it at
/// `searchsorted(rc, recThrs, 'left')`. The same values come from one walk from the lowest score
/// up: `pr` only rises at a true positive, so the running maximum of `tp / (fp + tp + eps)` at the
/// true positives is the monotone `pr`, and a recall threshold lands on the true positive where
/// `rc` first reaches it. Every division is the one pycocotools does, with the same operands.
struct COCOClassAccumulator {
    let index: COCOIndex
    let groundTruth: AnnotationColumns
    let detections: Detections

    private static let (tCount, rCount, aCount, mCount) =
        (COCOParameters.t, COCOParameters.r, COCOParameters.a, COCOParameters.m)

    /// `precision` has `T·R·A·M` values, `recall` `T·A·M`, both row-major.
    func accumulate(classIndex c: Int, included: [Bool]) -> (precision: [Double], recall: [Double]) {
        let (tCount, rCount, aCount, mCount) = (Self.tCount, Self.rCount, Self.aCount, Self.mCount)
        var precision = [Double](repeating: -1, count: tCount * rCount * aCount * mCount)
        var recall = [Double](repeating: -1, count: tCount * aCount * mCount)

        let slotBase = index.classDetectionStart[c]
        let slotCount = index.classDetectionStart[c + 1] - slotBase
        var states = [UInt32](repeating: 0, count: slotCount * aCount)
        var notIgnored = [Int](repeating: 0, count: aCount)
        // Per (m, a, t) at `(m * A + a) * T + t`: true and false positives over the included detections.
        let counterCount = mCount * aCount * tCount
        let tp = UnsafeMutablePointer<Int>.allocate(capacity: counterCount)
        let fp = UnsafeMutablePointer<Int>.allocate(capacity: counterCount)
        tp.initialize(repeating: 0, count: counterCount)
        fp.initialize(repeating: 0, count: counterCount)
        defer {
            tp.deallocate()
            fp.deallocate()
        }
        var kept = [Int](repeating: 0, count: mCount)
        var pairCount = 0
        var matcher = COCOPairMatcher(groundTruth: groundTruth, detections: detections)
        let maxDets = COCOParameters.maxDetections
        states.withUnsafeMutableBufferPointer { states in
            for pair in index.classPairStart[c]..<index.classPairStart[c + 1] where included[Int(index.pairImage[pair])] {
                pairCount += 1
                let gts = index.groundTruth[Int(index.pairGroundTruthStart[pair])..<Int(index.pairGroundTruthStart[pair + 1])]
                let dtStart = Int(index.pairDetectionStart[pair]), dtEnd = Int(index.pairDetectionStart[pair + 1])
                let dts = index.detections[dtStart..<dtEnd]
                let offset = (dtStart - slotBase) * aCount
                let window = UnsafeMutableBufferPointer(rebasing: states[offset..<(offset + dts.count * aCount)])
                matcher.match(groundTruth: gts, detections: dts, states: window, notIgnored: &notIgnored)
                for k in 0..<dts.count {
                    for m in 0..<mCount where k < maxDets[m] {
                        kept[m] += 1
                        for a in 0..<aCount {
                            Self.count(window[k * aCount + a], into: tp, fp, at: (m * aCount + a) * tCount, by: 1)
                        }
                    }
                }
            }
        }
        // `if len(E) == 0: continue` — no pair at all leaves the class at −1.
        if pairCount == 0 { return (precision, recall) }

        // The walk from the last detection in score order to the first, per (m, a, t): the
        // running maximum of the precision at true positives, and the highest recall threshold
        // not yet read (thresholds above the final recall read past the end: 0).
        let thresholds = COCOParameters.recallThresholds
        var best = [Double](repeating: 0, count: mCount * aCount * tCount)
        var next = [Int](repeating: rCount - 1, count: mCount * aCount * tCount)
        func write(_ m: Int, _ a: Int, _ t: Int, _ r: Int, _ value: Double) {
            precision[((t * rCount + r) * aCount + a) * mCount + m] = value
        }
        for m in 0..<mCount {
            for a in 0..<aCount where notIgnored[a] > 0 {
                let positives = Double(notIgnored[a])
                for t in 0..<tCount {
                    let q = (m * aCount + a) * tCount + t
                    let finalRecall = kept[m] > 0 ? Double(tp[q]) / positives : 0
                    recall[(t * aCount + a) * mCount + m] = finalRecall
                    while next[q] >= 0 && (kept[m] == 0 || thresholds[next[q]] > finalRecall) {
                        write(m, a, t, next[q], 0)
                        next[q] -= 1
                    }
                }
            }
        }
        let allIncluded = !included.contains(false)
        index.scoreOrder.withUnsafeBufferPointer { scoreOrder in
            index.detectionRank.withUnsafeBufferPointer { ranks in
                states.withUnsafeBufferPointer { states in
                    best.withUnsafeMutableBufferPointer { best in
                        next.withUnsafeMutableBufferPointer { next in
                            precision.withUnsafeMutableBufferPointer { precision in
                                for position in stride(from: slotBase + slotCount - 1, through: slotBase, by: -1) {
                                    let s = Int(scoreOrder[position])
                                    if !allIncluded {
                                        guard included[Int(detections.image[Int(index.detections[s])])] else { continue }
                                    }
                                    let rank = Int(ranks[s])
                                    for m in 0..<mCount where rank < maxDets[m] {
                                        for a in 0..<aCount where notIgnored[a] > 0 {
                                            let bits = states[(s - slotBase) * aCount + a]
                                            let base = (m * aCount + a) * tCount
                                            var matched = COCOMatchBits.matched(bits)
                                            while matched != 0 {
                                                let t = matched.trailingZeroBitCount
                                                matched &= matched - 1
                                                let q = base + t
                                                let truePositives = Double(tp[q])
                                                let value = truePositives / (Double(fp[q]) + truePositives + Double.ulpOfOne)
                                                if value > best[q] { best[q] = value }
                                                let recallBefore = Double(tp[q] - 1) / Double(notIgnored[a])
                                                while next[q] >= 0 && thresholds[next[q]] > recallBefore {
                                                    precision[((t * rCount + next[q]) * aCount + a) * mCount + m] = best[q]
                                                    next[q] -= 1
                                                }
                                            }
                                            Self.count(bits, into: tp, fp, at: base, by: -1)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        // Thresholds at or below the first detection's recall read the maximum over all.
        for m in 0..<mCount {
            for a in 0..<aCount where notIgnored[a] > 0 {
                for t in 0..<tCount {
                    let q = (m * aCount + a) * tCount + t
                    while next[q] >= 0 {
                        write(m, a, t, next[q], best[q])
                        next[q] -= 1
                    }
                }
            }
        }
        return (precision, recall)
    }

    /// Adds `step` to the true-positive count of every threshold whose bit is matched in `bits`,
    /// and to the false-positive count of every threshold neither matched nor ignored.
    @inline(__always)
    private static func count(
        _ bits: UInt32, into tp: UnsafeMutablePointer<Int>, _ fp: UnsafeMutablePointer<Int>, at base: Int, by step: Int
    ) {
        let matched = COCOMatchBits.matched(bits)
        let unmatched = ~(matched | COCOMatchBits.ignored(bits)) & COCOMatchBits.thresholdMask
        if matched == 0 && unmatched == COCOMatchBits.thresholdMask {
            for t in 0..<tCount { fp[base + t] += step }
            return
        }
        var rest = matched
        while rest != 0 {
            tp[base + rest.trailingZeroBitCount] += step
            rest &= rest - 1
        }
        rest = unmatched
        while rest != 0 {
            fp[base + rest.trailingZeroBitCount] += step
            rest &= rest - 1
        }
    }
}
