/// What pycocotools' `evaluateImg` decides for one detection at one area range, all ten IoU
/// thresholds at once: bit `t` of `matched` is `dtm != 0 and not dtIgnore` (a true positive),
/// bit `t` of `ignored` is `dtIgnore`; neither is a false positive.
struct COCOMatchBits {
    static let matchedShift: UInt32 = 0
    static let ignoredShift: UInt32 = 16
    static let thresholdMask: UInt32 = (1 << UInt32(COCOParameters.t)) - 1

    @inline(__always) static func matched(_ bits: UInt32) -> UInt32 { bits & thresholdMask }
    @inline(__always) static func ignored(_ bits: UInt32) -> UInt32 { (bits >> ignoredShift) & thresholdMask }
}

/// pycocotools' `evaluateImg` for one `(image, class)` pair, all area ranges and thresholds at once.
///
/// The IoU table is computed once and shared by the four area ranges; an area range whose
/// ground-truth ignore flags equal an earlier range's reuses that range's matching. Only the
/// ground truth with IoU ≥ 0.5 (the lowest threshold) can be matched, so each detection scans
/// that short list instead of every ground-truth box (all of them when an IoU is NaN, which
/// pycocotools' comparisons treat as matching). Scratch buffers are kept between pairs; one
/// matcher per thread.
struct COCOPairMatcher {
    private let groundTruth: AnnotationColumns
    private let detections: Detections
    private var ious: [Double] = []
    private var hasNaN = false
    /// Per area range, per ground truth (pair order): ignored in that range.
    private var ignoredFlags: [Bool] = []
    /// Per area range, per detection: the bits before the out-of-range rule.
    private var raw: [UInt32] = []
    /// Per ground truth (pair order): a crowd, and whose id is 0 (pycocotools' `dtm` then reads 0).
    private var crowd: [Bool] = []
    private var idIsZero: [Bool] = []
    /// Per ground truth, bit t: taken at threshold t in the area range being matched.
    private var taken: [UInt16] = []
    /// The detections with at least one candidate, and per such detection (same position) the
    /// range of its candidates in `candidates`: ground truth it may match, in file order.
    private var matchable: [Int] = []
    private var candidateStart: [Int] = []
    private var candidates: [(j: Int, iou: Double)] = []
    /// Per detection of the pair: its box's area (width × height, as pycocotools' `dt['area']`).
    private var detectionArea: [Double] = []
    /// One detection's candidates in one area range's order (not ignored first).
    private var ordered: [(j: Int, iou: Double)] = []

    init(groundTruth: AnnotationColumns, detections: Detections) {
        self.groundTruth = groundTruth
        self.detections = detections
    }

    /// Matches the pair's detections (`dts`, score-sorted and cut) to its ground truth (`gts`, file
    /// order), writing `states[d * A + a]` for `d` in `0..<dts.count`, and adds to `notIgnored`
    /// how many ground-truth boxes are not ignored in each area range (pycocotools' `npig`).
    mutating func match(
        groundTruth gts: ArraySlice<Int32>, detections dts: ArraySlice<Int32>,
        states: UnsafeMutableBufferPointer<UInt32>, notIgnored: inout [Int]
    ) {
        let g = gts.count, d = dts.count
        let areaCount = COCOParameters.a
        ignoredFlags.removeAll(keepingCapacity: true)
        for range in COCOParameters.areaRanges {
            for j in gts.indices {
                let ann = Int(gts[j])
                let area = groundTruth.area[ann]
                ignoredFlags.append(groundTruth.isCrowd[ann] || area < range.lower || area > range.upper)
            }
        }
        for a in 0..<areaCount {
            for j in 0..<g where !ignoredFlags[a * g + j] { notIgnored[a] += 1 }
        }
        if d == 0 { return }
        fillIoUs(gts, dts)
        collectCandidates(gts, detectionCount: d)
        if raw.count < areaCount * d { raw = [UInt32](repeating: 0, count: areaCount * d) }
        detectionArea.removeAll(keepingCapacity: true)
        for k in dts.indices {
            let det = Int(dts[k])
            detectionArea.append(detections.width[det] * detections.height[det])
        }
        for a in 0..<areaCount {
            if let same = (0..<a).first(where: { sameFlags($0, a, g) }) {
                for k in 0..<d { raw[a * d + k] = raw[same * d + k] }
            } else {
                matchArea(a, groundTruthCount: g, detectionCount: d)
            }
            let range = COCOParameters.areaRanges[a]
            for k in 0..<d {
                var bits = raw[a * d + k]
                let area = detectionArea[k]
                // Unmatched detections (dtm == 0, which includes a match to ground truth id 0)
                // outside the area range are ignored.
                if area < range.lower || area > range.upper {
                    let unmatched = ~(COCOMatchBits.matched(bits) | COCOMatchBits.ignored(bits)) & COCOMatchBits.thresholdMask
                    bits |= unmatched << COCOMatchBits.ignoredShift
                }
                states[k * areaCount + a] = bits
            }
        }
    }

    /// Whether area ranges `a` and `b` ignore the same ground truth (then they match alike).
    private func sameFlags(_ a: Int, _ b: Int, _ g: Int) -> Bool {
        for j in 0..<g where ignoredFlags[a * g + j] != ignoredFlags[b * g + j] { return false }
        return true
    }

    /// Per detection, the ground truth whose IoU reaches the lowest threshold (every one when an
    /// IoU is NaN, which pycocotools' comparisons let match): no other can ever be matched, in
    /// any area range. Also the ground truth's crowd and zero-id flags.
    private mutating func collectCandidates(_ gts: ArraySlice<Int32>, detectionCount d: Int) {
        let g = gts.count
        crowd.removeAll(keepingCapacity: true)
        idIsZero.removeAll(keepingCapacity: true)
        for j in gts.indices {
            let ann = Int(gts[j])
            crowd.append(groundTruth.isCrowd[ann])
            idIsZero.append(groundTruth.id[ann] == 0)
        }
        let lowest = COCOParameters.iouThresholds.min()!
        matchable.removeAll(keepingCapacity: true)
        candidateStart.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        for k in 0..<d {
            let before = candidates.count
            for j in 0..<g {
                let iou = ious[k * g + j]
                if hasNaN || !(iou < lowest) { candidates.append((j, iou)) }
            }
            if candidates.count > before {
                matchable.append(k)
                candidateStart.append(before)
            }
        }
        candidateStart.append(candidates.count)
    }

    /// The matching loop of `evaluateImg` for area range `a`, all thresholds, into `raw[a * d…]`.
    ///
    /// pycocotools goes through the ground truth sorted with the ignored last (stably) and stops
    /// at the first ignored one once it holds a match that is not; ground truth below the IoU
    /// threshold is passed over, so only the candidates need visiting, in that order. Thresholds
    /// are independent (each has its own `gtm`), so a detection is matched at all of them in turn;
    /// once a threshold is above every candidate's IoU, so are the higher ones.
    private mutating func matchArea(_ a: Int, groundTruthCount g: Int, detectionCount d: Int) {
        for k in 0..<d { raw[a * d + k] = 0 }
        // No detection reaches any ground truth (or there is none): nothing is matched.
        if matchable.isEmpty { return }
        if taken.count < g { taken = [UInt16](repeating: 0, count: g) }
        for j in 0..<g { taken[j] = 0 }
        let flags = a * g
        for (position, k) in matchable.enumerated() {
            ordered.removeAll(keepingCapacity: true)
            var highest = -Double.infinity
            for c in candidateStart[position]..<candidateStart[position + 1] where !ignoredFlags[flags + candidates[c].j] {
                ordered.append(candidates[c])
                highest = Swift.max(highest, candidates[c].iou)
            }
            for c in candidateStart[position]..<candidateStart[position + 1] where ignoredFlags[flags + candidates[c].j] {
                ordered.append(candidates[c])
                highest = Swift.max(highest, candidates[c].iou)
            }
            var bits: UInt32 = 0
            for (t, threshold) in COCOParameters.iouThresholds.enumerated() {
                let floor = Swift.min(threshold, 1 - 1e-10)
                if !hasNaN && highest < floor { break }
                var best = floor
                var m = -1
                for (j, iou) in ordered {
                    if taken[j] & (1 << UInt16(t)) != 0 && !crowd[j] { continue }
                    if m > -1 && !ignoredFlags[flags + m] && ignoredFlags[flags + j] { break }
                    if iou < best { continue }
                    best = iou
                    m = j
                }
                guard m > -1 else { continue }
                taken[m] |= 1 << UInt16(t)
                if ignoredFlags[flags + m] {
                    bits |= 1 << (UInt32(t) + COCOMatchBits.ignoredShift)
                } else if !idIsZero[m] {
                    bits |= 1 << UInt32(t)
                }
            }
            raw[a * d + k] = bits
        }
    }

    private mutating func fillIoUs(_ gts: ArraySlice<Int32>, _ dts: ArraySlice<Int32>) {
        ious.removeAll(keepingCapacity: true)
        hasNaN = false
        for k in dts.indices {
            let det = Int(dts[k])
            let dx = detections.x[det], dy = detections.y[det]
            let dw = detections.width[det], dh = detections.height[det]
            for j in gts.indices {
                let ann = Int(gts[j])
                let iou = boxIoU(
                    dx: dx, dy: dy, dw: dw, dh: dh, gx: groundTruth.x[ann], gy: groundTruth.y[ann],
                    gw: groundTruth.width[ann], gh: groundTruth.height[ann], crowd: groundTruth.isCrowd[ann])
                if iou.isNaN { hasNaN = true }
                ious.append(iou)
            }
        }
    }
}
