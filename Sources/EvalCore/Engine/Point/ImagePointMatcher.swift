/// The passes of `semantics.md` §2 over one image: class-aware matching, crowd set-aside,
/// class-agnostic confusion matching, then what is left is missed or false.
///
/// Scratch buffers are kept between images; one matcher per thread.
struct ImagePointMatcher {
    let groundTruth: AnnotationColumns
    let detections: Detections
    let index: PointIndex
    let classCount: Int
    let point: OperatingPoint

    private var gtTaken: [Bool] = []
    /// Per prediction of the image (score order), the range of its candidates: the ground truth
    /// (local index, file order) whose IoU with it is `>= point.iou`, the only ones a pass can match.
    private var candidateStart: [Int] = []
    private var candidates: [(j: Int, iou: Double)] = []
    /// Per prediction of the image (score order): kept and not yet matched or set aside.
    private var free: [Bool] = []
    /// Confusion cells (`row * (n+1) + column`) hit in the image, one entry per object.
    private(set) var cells: [Int32] = []

    init(groundTruth: AnnotationColumns, detections: Detections, index: PointIndex, classCount: Int, point: OperatingPoint) {
        self.groundTruth = groundTruth
        self.detections = detections
        self.index = index
        self.classCount = classCount
        self.point = point
    }

    /// The output columns, written at the indices of one image only.
    struct Output {
        let detectionFates: SharedBuffer<DetectionFate>
        let groundTruthFates: SharedBuffer<GroundTruthFate>
        /// Per image and class, at `image * classCount + class`.
        let nbObjects: SharedBuffer<Int32>
        let nbPreds: SharedBuffer<Int32>
        let tp: SharedBuffer<Int32>
    }

    /// Matches image `image`, writing its fates and counts into `out`; its cells are left in `cells`.
    mutating func match(image: Int, into out: Output) {
        let gtStart = index.imageGroundTruthStart[image]
        let g = index.imageGroundTruthStart[image + 1] - gtStart
        let dtStart = index.imageDetectionStart[image]
        let d = index.imageDetectionStart[image + 1] - dtStart
        let background = Int32(classCount)
        let width = Int32(classCount + 1)
        let row = image * classCount
        cells.removeAll(keepingCapacity: true)
        gtTaken.removeAll(keepingCapacity: true)
        gtTaken.append(contentsOf: repeatElement(false, count: g))
        free.removeAll(keepingCapacity: true)
        for j in 0..<g {
            let a = Int(index.groundTruth[gtStart + j])
            if groundTruth.isCrowd[a] {
                out.groundTruthFates[a] = .crowd
            } else {
                out.nbObjects[row + Int(groundTruth.category[a])] += 1
            }
        }
        for k in 0..<d {
            let det = Int(index.detections[dtStart + k])
            let score = detections.score[det]
            let kept = score.isNaN || score >= point.confidence
            free.append(kept)
            out.detectionFates[det] = kept ? .falsePositive : .belowConfidence
        }
        // IoUs of the kept predictions only, computed here rather than kept in a table.
        candidateStart.removeAll(keepingCapacity: true)
        candidates.removeAll(keepingCapacity: true)
        for k in 0..<d {
            candidateStart.append(candidates.count)
            guard free[k] else { continue }
            let det = Int(index.detections[dtStart + k])
            let dx = detections.x[det], dy = detections.y[det], dw = detections.width[det], dh = detections.height[det]
            for j in 0..<g {
                let a = Int(index.groundTruth[gtStart + j])
                let iou = boxIoU(
                    dx: dx, dy: dy, dw: dw, dh: dh, gx: groundTruth.x[a], gy: groundTruth.y[a],
                    gw: groundTruth.width[a], gh: groundTruth.height[a], crowd: groundTruth.isCrowd[a])
                if iou >= point.iou { candidates.append((j, iou)) }
            }
        }
        candidateStart.append(candidates.count)

        // The free ground truth (by local index) with the highest IoU ≥ the threshold for
        // prediction `k` among those `accepts` admits; on equal IoU the earliest in file order.
        func best(_ k: Int, _ accepts: (Int, Int) -> Bool) -> (j: Int, iou: Double)? {
            var found = -1
            var bestIoU = 0.0
            for c in candidateStart[k]..<candidateStart[k + 1] {
                let (j, iou) = candidates[c]
                let a = Int(index.groundTruth[gtStart + j])
                guard accepts(j, a) else { continue }
                if found < 0 || iou > bestIoU {
                    found = j
                    bestIoU = iou
                }
            }
            return found < 0 ? nil : (found, bestIoU)
        }

        // Pass 2: class-aware, true positives.
        for k in 0..<d where free[k] {
            let det = Int(index.detections[dtStart + k])
            let c = detections.category[det]
            guard let m = best(k, { j, a in !gtTaken[j] && !groundTruth.isCrowd[a] && groundTruth.category[a] == c })
            else { continue }
            let a = Int(index.groundTruth[gtStart + m.j])
            gtTaken[m.j] = true
            free[k] = false
            out.detectionFates[det] = .truePositive(groundTruth: Int32(a), iou: m.iou)
            out.groundTruthFates[a] = .found(detection: Int32(det), iou: m.iou)
            out.tp[row + Int(c)] += 1
            out.nbPreds[row + Int(c)] += 1
            cells.append(c * width + c)
        }
        // Pass 3: predictions on a crowd region of their own class are set aside.
        for k in 0..<d where free[k] {
            let det = Int(index.detections[dtStart + k])
            let c = detections.category[det]
            guard let m = best(k, { _, a in groundTruth.isCrowd[a] && groundTruth.category[a] == c }) else { continue }
            free[k] = false
            out.detectionFates[det] = .setAside(crowd: index.groundTruth[gtStart + m.j], iou: m.iou)
        }
        // Pass 4: class-agnostic confusions.
        for k in 0..<d where free[k] {
            let det = Int(index.detections[dtStart + k])
            let c = detections.category[det]
            out.nbPreds[row + Int(c)] += 1
            guard let m = best(k, { j, a in !gtTaken[j] && !groundTruth.isCrowd[a] }) else {
                cells.append(background * width + c)
                continue
            }
            let a = Int(index.groundTruth[gtStart + m.j])
            gtTaken[m.j] = true
            free[k] = false
            out.detectionFates[det] = .confused(groundTruth: Int32(a), iou: m.iou)
            out.groundTruthFates[a] = .confusedAs(detection: Int32(det), iou: m.iou)
            cells.append(groundTruth.category[a] * width + c)
        }
        // Pass 5: ground truth still free is missed.
        for j in 0..<g where !gtTaken[j] {
            let a = Int(index.groundTruth[gtStart + j])
            guard !groundTruth.isCrowd[a] else { continue }
            out.groundTruthFates[a] = .missed
            cells.append(groundTruth.category[a] * width + background)
        }
    }
}
