/// The per-image grouping of the operating point, independent of the thresholds.
///
/// Per image: its ground truth in file order, its predictions in descending score order (a stable
/// sort; predictions without a score come last, in file order), and the IoU of every prediction
/// with every ground-truth box of the image (against crowd boxes: intersection ÷ prediction area).
struct PointIndex: Sendable {
    let imageGroundTruthStart: [Int]
    let groundTruth: [Int32]
    let imageDetectionStart: [Int]
    let detections: [Int32]
    /// Per image, the start of its row-major `detections × groundTruth` IoU block.
    let imageIoUStart: [Int]
    let ious: [Double]

    init(groundTruth gt: GroundTruth, detections det: Detections) {
        let imageCount = gt.images.count
        let (gtStart, gtItems) = countingSort(count: gt.annotations.count, keys: imageCount) {
            Int(gt.annotations.image[$0])
        }
        let (dtStart, dtFileOrder) = countingSort(count: det.count, keys: imageCount) { Int(det.image[$0]) }
        let scores = det.score
        var sortedDetections = dtFileOrder
        var iouStart = [0]
        iouStart.reserveCapacity(imageCount + 1)
        for image in 0..<imageCount {
            let range = dtStart[image]..<dtStart[image + 1]
            sortedDetections[range].sort { COCOIndex.ranksBefore($0, $1, scores) }
            iouStart.append(iouStart[image] + range.count * (gtStart[image + 1] - gtStart[image]))
        }
        let detectionsSorted = sortedDetections, blockStart = iouStart
        let ious = parallelArray(count: iouStart[imageCount], initial: 0.0) { out in
            let chunks = Swift.min(imageCount, 16)
            parallelFor(chunks) { chunk in
                for image in chunkRange(chunk, of: chunks, count: imageCount) {
                    var slot = blockStart[image]
                    for k in dtStart[image]..<dtStart[image + 1] {
                        let d = Int(detectionsSorted[k])
                        for g in gtStart[image]..<gtStart[image + 1] {
                            let a = Int(gtItems[g])
                            out[slot] = boxIoU(
                                dx: det.x[d], dy: det.y[d], dw: det.width[d], dh: det.height[d],
                                gx: gt.annotations.x[a], gy: gt.annotations.y[a], gw: gt.annotations.width[a],
                                gh: gt.annotations.height[a], crowd: gt.annotations.isCrowd[a])
                            slot += 1
                        }
                    }
                }
            }
        }
        imageGroundTruthStart = gtStart
        groundTruth = gtItems
        imageDetectionStart = dtStart
        detections = detectionsSorted
        imageIoUStart = iouStart
        self.ious = ious
    }
}
