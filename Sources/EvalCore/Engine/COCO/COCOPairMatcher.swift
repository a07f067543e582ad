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
    private var order: [Int] = []
    private var sortedIgnored: [Bool] = []
    private var sortedCrowd: [Bool] = []
    private var sortedIdIsZero: [Bool] = []
    private var taken: [Bool] = []
    private var candidateStart: [Int] = []
    private var candidates: [(s: Int, iou: Double)] = []

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
        if raw.count < areaCount * d { raw = [UInt32](repeating: 0, count: areaCount * d) }
        for a in 0..<areaCount {
            let flags = a * g..<(a + 1) * g
            if let same = (0..<a).first(where: { ignoredFlags[($0 * g)..<(($0 + 1) * g)] == ignoredFlags[flags] }) {
                for k in 0..<d { raw[a * d + k] = raw[same * d + k] }
            } else {
                matchArea(a, gts, detectionCount: d)
            }
            let range = COCOParameters.areaRanges[a]
            for k in 0..<d {
                var bits = raw[a * d + k]
                let det = Int(dts[dts.startIndex + k])
                let area = detections.width[det] * detections.height[det]
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

    /// The matching loop of `evaluateImg` for area range `a`, all thresholds, into `raw[a * d…]`.
    private mutating func matchArea(_ a: Int, _ gts: ArraySlice<Int32>, detectionCount d: Int) {
        let g = gts.count
        // gt['_ignore'], then a stable sort putting ignored ground truth last.
        order.removeAll(keepingCapacity: true)
        for j in 0..<g where !ignoredFlags[a * g + j] { order.append(j) }
        for j in 0..<g where ignoredFlags[a * g + j] { order.append(j) }
        sortedIgnored.removeAll(keepingCapacity: true)
        sortedCrowd.removeAll(keepingCapacity: true)
        sortedIdIsZero.removeAll(keepingCapacity: true)
        for j in order {
            let ann = Int(gts[gts.startIndex + j])
            sortedIgnored.append(ignoredFlags[a * g + j])
            sortedCrowd.append(groundTruth.isCrowd[ann])
            sortedIdIsZero.append(groundTruth.id[ann] == 0)
        }
        let lowest = COCOParameters.iouThresholds.min()!
        candidateStart.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        for k in 0..<d {
            candidateStart.append(candidates.count)
            for (s, j) in order.enumerated() {
                let iou = ious[k * g + j]
                if hasNaN || !(iou < lowest) { candidates.append((s, iou)) }
            }
        }
        candidateStart.append(candidates.count)
        if taken.count < g { taken = [Bool](repeating: false, count: g) }
        for k in 0..<d { raw[a * d + k] = 0 }
        for (t, threshold) in COCOParameters.iouThresholds.enumerated() {
            for s in 0..<g { taken[s] = false }
            for k in 0..<d where candidateStart[k] < candidateStart[k + 1] {
                var best = Swift.min(threshold, 1 - 1e-10)
                var m = -1
                for c in candidateStart[k]..<candidateStart[k + 1] {
                    let s = candidates[c].s
                    if taken[s] && !sortedCrowd[s] { continue }
                    if m > -1 && !sortedIgnored[m] && sortedIgnored[s] { break }
                    let iou = candidates[c].iou
                    if iou < best { continue }
                    best = iou
                    m = s
                }
                guard m > -1 else { continue }
                taken[m] = true
                if sortedIgnored[m] {
                    raw[a * d + k] |= 1 << (UInt32(t) + COCOMatchBits.ignoredShift)
                } else if !sortedIdIsZero[m] {
                    raw[a * d + k] |= 1 << UInt32(t)
                }
            }
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
