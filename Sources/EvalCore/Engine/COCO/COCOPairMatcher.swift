/// What pycocotools' `evaluateImg` decides for one detection at one area range and IoU threshold.
enum COCOMatchState: UInt8 {
    /// `dtm == 0` and not ignored: counts as a false positive.
    case unmatched = 0
    /// `dtm != 0` and not ignored: a true positive.
    case matched = 1
    /// `dtIgnore`: matched to ignored ground truth, or unmatched and outside the area range.
    case ignored = 2
}

/// pycocotools' `evaluateImg` for one `(image, class)` pair, all area ranges and thresholds at once.
///
/// Scratch buffers are kept between pairs; one matcher per thread.
struct COCOPairMatcher {
    private let groundTruth: AnnotationColumns
    private let detections: Detections
    private var ious: [Double] = []
    private var gtOrder: [Int] = []
    private var gtIgnored: [Bool] = []
    private var gtTaken: [Bool] = []
    private var sorted: [SortedGroundTruth] = []
    private var sortedIoUs: [Double] = []

    init(groundTruth: AnnotationColumns, detections: Detections) {
        self.groundTruth = groundTruth
        self.detections = detections
    }

    /// Matches the pair's detections (`dts`, score-sorted and cut) to its ground truth (`gts`, file
    /// order), writing `states[(d * A + a) * T + t]` for `d` in `0..<dts.count`, and returns how many
    /// ground-truth boxes are not ignored in each area range (pycocotools' `npig` contribution).
    mutating func match(
        groundTruth gts: ArraySlice<Int32>, detections dts: ArraySlice<Int32>,
        states: UnsafeMutableBufferPointer<COCOMatchState>
    ) -> [Int] {
        let g = gts.count, d = dts.count
        let areaCount = COCOParameters.a
        fillIoUs(gts, dts)
        if gtTaken.count < g { gtTaken = [Bool](repeating: false, count: g) }
        let detectionAreas = dts.map { detections.width[Int($0)] * detections.height[Int($0)] }
        var notIgnored = [Int](repeating: 0, count: areaCount)
        for (a, range) in COCOParameters.areaRanges.enumerated() {
            // gt['_ignore'], then a stable sort putting ignored ground truth last; the IoU matrix,
            // crowd flags and "id is 0" flags are laid out in that order for the matching loop.
            gtIgnored.removeAll(keepingCapacity: true)
            gtOrder.removeAll(keepingCapacity: true)
            for j in 0..<g {
                let ann = Int(gts[gts.startIndex + j])
                let area = groundTruth.area[ann]
                gtIgnored.append(groundTruth.isCrowd[ann] || area < range.lower || area > range.upper)
            }
            for j in 0..<g where !gtIgnored[j] { gtOrder.append(j) }
            notIgnored[a] = gtOrder.count
            for j in 0..<g where gtIgnored[j] { gtOrder.append(j) }
            sorted.removeAll(keepingCapacity: true)
            for j in gtOrder {
                let ann = Int(gts[gts.startIndex + j])
                sorted.append(
                    SortedGroundTruth(
                        ignored: gtIgnored[j], crowd: groundTruth.isCrowd[ann], idIsZero: groundTruth.id[ann] == 0))
            }
            sortedIoUs.removeAll(keepingCapacity: true)
            for k in 0..<d {
                for j in gtOrder { sortedIoUs.append(ious[k * g + j]) }
            }
            sorted.withUnsafeBufferPointer { sorted in
                sortedIoUs.withUnsafeBufferPointer { ious in
                    gtTaken.withUnsafeMutableBufferPointer { taken in
                        Self.matchArea(
                            a, range: range, sorted: sorted, ious: ious, detectionAreas: detectionAreas,
                            taken: taken, states: states)
                    }
                }
            }
        }
        return notIgnored
    }

    /// The ground truth of a pair in matching order, with what the loop tests.
    private struct SortedGroundTruth {
        var ignored: Bool
        var crowd: Bool
        /// pycocotools stores the matched ground truth's id in `dtm` and tests it against 0.
        var idIsZero: Bool
    }

    /// The matching loop of `evaluateImg` for one area range, all thresholds.
    private static func matchArea(
        _ a: Int, range: (lower: Double, upper: Double), sorted: UnsafeBufferPointer<SortedGroundTruth>,
        ious: UnsafeBufferPointer<Double>, detectionAreas: [Double], taken: UnsafeMutableBufferPointer<Bool>,
        states: UnsafeMutableBufferPointer<COCOMatchState>
    ) {
        let g = sorted.count, d = detectionAreas.count
        let areaCount = COCOParameters.a, tCount = COCOParameters.t
        for (t, threshold) in COCOParameters.iouThresholds.enumerated() {
            for s in 0..<g { taken[s] = false }
            for k in 0..<d {
                var best = Swift.min(threshold, 1 - 1e-10)
                var m = -1
                let row = k * g
                for s in 0..<g {
                    if taken[s] && !sorted[s].crowd { continue }
                    if m > -1 && !sorted[m].ignored && sorted[s].ignored { break }
                    let iou = ious[row + s]
                    if iou < best { continue }
                    best = iou
                    m = s
                }
                let state: COCOMatchState
                if m == -1 {
                    state = .unmatched
                } else {
                    taken[m] = true
                    state = sorted[m].ignored ? .ignored : (sorted[m].idIsZero ? .unmatched : .matched)
                }
                // Unmatched detections (dtm == 0, which includes a match to ground truth id 0)
                // outside the area range are ignored.
                let outside = detectionAreas[k] < range.lower || detectionAreas[k] > range.upper
                states[(k * areaCount + a) * tCount + t] = state == .unmatched && outside ? .ignored : state
            }
        }
    }

    private mutating func fillIoUs(_ gts: ArraySlice<Int32>, _ dts: ArraySlice<Int32>) {
        let g = gts.count
        ious.removeAll(keepingCapacity: true)
        for k in dts.indices {
            let det = Int(dts[k])
            let dx = detections.x[det], dy = detections.y[det]
            let dw = detections.width[det], dh = detections.height[det]
            for j in 0..<g {
                let ann = Int(gts[gts.startIndex + j])
                ious.append(
                    boxIoU(
                        dx: dx, dy: dy, dw: dw, dh: dh, gx: groundTruth.x[ann], gy: groundTruth.y[ann],
                        gw: groundTruth.width[ann], gh: groundTruth.height[ann], crowd: groundTruth.isCrowd[ann]))
            }
        }
    }
}
