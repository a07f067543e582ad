/// pycocotools' `evaluate` + `accumulate` for one class, written into its slices of the
/// whole evaluation's precision `[t][r][k][a][m]` and recall `[t][k][a][m]` (K in label-map
/// order), which hold −1 where pycocotools leaves −1.
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

    /// Writes class `c`'s entries of `precision` (`T·R·K·A·M` values, row-major) and `recall`
    /// (`T·K·A·M`), which the caller has filled with −1; other classes' entries are not touched,
    /// so classes can be accumulated in parallel into the same buffers.
    func accumulate(
        classIndex c: Int, included: [Bool], classCount kCount: Int,
        precision: UnsafeMutablePointer<Double>, recall: UnsafeMutablePointer<Double>
    ) {
        let (tCount, rCount, aCount, mCount) = (Self.tCount, Self.rCount, Self.aCount, Self.mCount)
        let slotBase = index.classDetectionStart[c]
        let slotCount = index.classDetectionStart[c + 1] - slotBase
        var states = [UInt32](repeating: 0, count: slotCount * aCount)
        var notIgnored = [Int](repeating: 0, count: aCount)
        var pairCount = 0
        var matcher = COCOPairMatcher(groundTruth: groundTruth, detections: detections)
        states.withUnsafeMutableBufferPointer { states in
            for pair in index.classPairStart[c]..<index.classPairStart[c + 1] where included[Int(index.pairImage[pair])] {
                pairCount += 1
                let gts = index.groundTruth[Int(index.pairGroundTruthStart[pair])..<Int(index.pairGroundTruthStart[pair + 1])]
                let dtStart = Int(index.pairDetectionStart[pair]), dtEnd = Int(index.pairDetectionStart[pair + 1])
                let dts = index.detections[dtStart..<dtEnd]
                let offset = (dtStart - slotBase) * aCount
                let window = UnsafeMutableBufferPointer(rebasing: states[offset..<(offset + dts.count * aCount)])
                matcher.match(groundTruth: gts, detections: dts, states: window, notIgnored: &notIgnored)
            }
        }
        // `if len(E) == 0: continue` — no pair at all leaves the class at −1.
        if pairCount == 0 { return }

        // The included detections in score order, their states and ranks side by side: both
        // walks below then read memory in order, not at the scattered slots.
        let ordered = UnsafeMutablePointer<UInt32>.allocate(capacity: max(1, slotCount * aCount))
        let orderedRank = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, slotCount))
        defer {
            ordered.deallocate()
            orderedRank.deallocate()
        }
        var count = 0
        let allIncluded = !included.contains(false)
        index.scoreOrder.withUnsafeBufferPointer { scoreOrder in
            index.detectionRank.withUnsafeBufferPointer { ranks in
                states.withUnsafeBufferPointer { states in
                    for position in slotBase..<(slotBase + slotCount) {
                        let s = Int(scoreOrder[position])
                        if !allIncluded {
                            guard included[Int(detections.image[Int(index.detections[s])])] else { continue }
                        }
                        orderedRank[count] = ranks[s]
                        for a in 0..<aCount { ordered[count * aCount + a] = states[(s - slotBase) * aCount + a] }
                        count += 1
                    }
                }
            }
        }

        states = []

        // Per (m, a) at `m * A + a`, lane t: true and false positives over the included detections.
        let counterCount = mCount * aCount
        let tp = UnsafeMutablePointer<Counters>.allocate(capacity: counterCount)
        let fp = UnsafeMutablePointer<Counters>.allocate(capacity: counterCount)
        tp.initialize(repeating: .zero, count: counterCount)
        fp.initialize(repeating: .zero, count: counterCount)
        defer {
            tp.deallocate()
            fp.deallocate()
        }
        var kept = [Int](repeating: 0, count: mCount)
        Self.laneTable.withUnsafeBufferPointer { lanes in
            Self.firstLimit.withUnsafeBufferPointer { firstLimit in
                for i in 0..<count {
                    let first = Int(firstLimit[Int(orderedRank[i])])
                    for m in first..<mCount { kept[m] += 1 }
                    for a in 0..<aCount {
                        let bits = ordered[i * aCount + a]
                        // Ignored at every threshold (out of the area range, unmatched): counts nowhere.
                        if bits == Self.ignoredEverywhere { continue }
                        let (positives, negatives) = Self.lanes(bits, lanes.baseAddress!)
                        for m in first..<mCount {
                            tp[m * aCount + a] &+= positives
                            fp[m * aCount + a] &+= negatives
                        }
                    }
                }
            }
        }

        // The walk from the last detection in score order to the first, per (m, a, t): the
        // running maximum of the precision at true positives, and the highest recall threshold
        // not yet read (thresholds above the final recall read past the end: 0).
        let thresholds = COCOParameters.recallThresholds
        var best = [Double](repeating: 0, count: mCount * aCount * tCount)
        var next = [Int](repeating: rCount - 1, count: mCount * aCount * tCount)
        func write(_ m: Int, _ a: Int, _ t: Int, _ r: Int, _ value: Double) {
            precision[(((t * rCount + r) * kCount + c) * aCount + a) * mCount + m] = value
        }
        for m in 0..<mCount {
            for a in 0..<aCount where notIgnored[a] > 0 {
                let positives = Double(notIgnored[a])
                for t in 0..<tCount {
                    let q = (m * aCount + a) * tCount + t
                    let finalRecall = kept[m] > 0 ? Double(tp[m * aCount + a][t]) / positives : 0
                    recall[((t * kCount + c) * aCount + a) * mCount + m] = finalRecall
                    while next[q] >= 0 && (kept[m] == 0 || thresholds[next[q]] > finalRecall) {
                        write(m, a, t, next[q], 0)
                        next[q] -= 1
                    }
                }
            }
        }
        let areas = (0..<aCount).filter { notIgnored[$0] > 0 }
        Self.laneTable.withUnsafeBufferPointer { lanes in
            Self.firstLimit.withUnsafeBufferPointer { firstLimit in
                thresholds.withUnsafeBufferPointer { thresholds in
                    best.withUnsafeMutableBufferPointer { best in
                        next.withUnsafeMutableBufferPointer { next in
                            for i in stride(from: count - 1, through: 0, by: -1) {
                                for m in Int(firstLimit[Int(orderedRank[i])])..<mCount {
                                    for a in areas {
                                        let bits = ordered[i * aCount + a]
                                        if bits == Self.ignoredEverywhere { continue }
                                        let counter = m * aCount + a
                                        var matched = COCOMatchBits.matched(bits)
                                        while matched != 0 {
                                            let t = matched.trailingZeroBitCount
                                            matched &= matched - 1
                                            let q = counter * tCount + t
                                            let truePositives = Double(tp[counter][t])
                                            let value = truePositives / (Double(fp[counter][t]) + truePositives + Double.ulpOfOne)
                                            if value > best[q] { best[q] = value }
                                            let recallBefore = Double(tp[counter][t] - 1) / Double(notIgnored[a])
                                            while next[q] >= 0 && thresholds[next[q]] > recallBefore {
                                                write(m, a, t, next[q], best[q])
                                                next[q] -= 1
                                            }
                                        }
                                        let (positives, negatives) = Self.lanes(bits, lanes.baseAddress!)
                                        tp[counter] &-= positives
                                        fp[counter] &-= negatives
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
    }

    /// Per rank within a pair (0 to 255): the first maxDets index `m` with `rank < maxDets[m]`
    /// (the limits ascend, so every later `m` counts the detection too).
    private static let firstLimit: [UInt8] = (0..<256).map { rank in
        UInt8(COCOParameters.maxDetections.firstIndex { rank < $0 } ?? mCount)
    }

    /// A detection's state when it is ignored at every threshold and matched at none.
    private static let ignoredEverywhere = COCOMatchBits.thresholdMask << COCOMatchBits.ignoredShift

    /// One counter per IoU threshold, in lanes 0..<T (the lanes above stay 0).
    typealias Counters = SIMD16<Int32>
    /// For each mask of T bits, lane t is bit t: a table lookup and a vector add count a
    /// detection at every threshold (Swift's SIMD shifts and conversions are per lane).
    private static let laneTable: [Counters] = (0..<(1 << tCount)).map { mask in
        var lanes = Counters.zero
        for t in 0..<tCount where mask & (1 << t) != 0 { lanes[t] = 1 }
        return lanes
    }

    /// One detection's state as lanes: 1 where it is a true positive, and 1 where it is a false
    /// positive (neither matched nor ignored), per threshold.
    @inline(__always)
    private static func lanes(_ bits: UInt32, _ table: UnsafePointer<Counters>) -> (positives: Counters, negatives: Counters) {
        let matched = COCOMatchBits.matched(bits)
        let unmatched = ~(matched | COCOMatchBits.ignored(bits)) & COCOMatchBits.thresholdMask
        return (table[Int(matched)], table[Int(unmatched)])
    }
}
