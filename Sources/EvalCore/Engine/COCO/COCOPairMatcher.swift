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
        let thresholds = COCOParameters.iouThresholds
        let areaCount = COCOParameters.a, tCount = COCOParameters.t
        fillIoUs(gts, dts)
        var notIgnored = [Int](repeating: 0, count: areaCount)
        for (a, range) in COCOParameters.areaRanges.enumerated() {
            // gt['_ignore'], then a stable sort putting ignored ground truth last.
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

            for (t, threshold) in thresholds.enumerated() {
                gtTaken.removeAll(keepingCapacity: true)
                gtTaken.append(contentsOf: repeatElement(false, count: g))
                for k in 0..<d {
                    var best = Swift.min(threshold, 1 - 1e-10)
                    var m = -1
                    for s in 0..<g {
                        let j = gtOrder[s]
                        let crowd = groundTruth.isCrowd[Int(gts[gts.startIndex + j])]
                        if gtTaken[s] && !crowd { continue }
                        if m > -1 && !gtIgnored[gtOrder[m]] && gtIgnored[j] { break }
                        let iou = ious[k * g + j]
                        if iou < best { continue }
                        best = iou
                        m = s
                    }
                    let slot = (k * areaCount + a) * tCount + t
                    if m == -1 {
                        states[slot] = .unmatched
                        continue
                    }
                    gtTaken[m] = true
                    let j = gtOrder[m]
                    if gtIgnored[j] {
                        states[slot] = .ignored
                    } else {
                        // pycocotools stores the ground truth's id and later tests it for 0.
                        states[slot] = groundTruth.id[Int(gts[gts.startIndex + j])] == 0 ? .unmatched : .matched
                    }
                }
            }
            // Unmatched detections (dtm == 0, which includes a match to ground truth id 0) outside
            // the area range are ignored.
            for k in 0..<d {
                let det = Int(dts[dts.startIndex + k])
                let area = detections.width[det] * detections.height[det]
                guard area < range.lower || area > range.upper else { continue }
                for t in 0..<tCount where states[(k * areaCount + a) * tCount + t] == .unmatched {
                    states[(k * areaCount + a) * tCount + t] = .ignored
                }
            }
        }
        return notIgnored
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
