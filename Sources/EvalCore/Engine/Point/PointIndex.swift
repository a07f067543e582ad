/// The per-image grouping of the operating point, independent of the thresholds.
///
/// Per image: its ground truth in file order and its predictions in descending score order (a
/// stable sort; predictions without a score come last, in file order). The IoUs are not kept:
/// each operating point computes those of the predictions above its confidence threshold when it
/// matches their image, which costs less time than a table of every prediction against every box
/// of its image (8 bytes per pair, ~60 per prediction on COCO-like data) costs memory.
struct PointIndex: Sendable {
    let imageGroundTruthStart: [Int]
    let groundTruth: [Int32]
    let imageDetectionStart: [Int]
    let detections: [Int32]

    init(groundTruth gt: GroundTruth, detections det: Detections) {
        let imageCount = gt.images.count
        let (gtStart, gtItems) = countingSort(count: gt.annotations.count, keys: imageCount) {
            Int(gt.annotations.image[$0])
        }
        var (dtStart, sortedDetections) = countingSort(count: det.count, keys: imageCount) { Int(det.image[$0]) }
        let scores = det.score
        var scratch: [Int32] = []
        for image in 0..<imageCount {
            let range = dtStart[image]..<dtStart[image + 1]
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: sortedDetections[range])
            COCOIndex.sortByScore(&scratch, scores)
            sortedDetections.replaceSubrange(range, with: scratch)
        }
        imageGroundTruthStart = gtStart
        groundTruth = gtItems
        imageDetectionStart = dtStart
        detections = sortedDetections
    }
}
