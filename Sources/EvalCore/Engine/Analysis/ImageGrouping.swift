/// Ground truth and predictions grouped per image, for the analysis engines.
///
/// Per image: its annotations in file order, and its predictions in descending score order (a
/// stable sort: ties keep file order; predictions without a score come last). Built per call: a
/// counting sort and one radix sort by score, a few milliseconds at COCO scale.
struct ImageGrouping: Sendable {
    let groundTruthStart: [Int]
    let groundTruth: [Int32]
    let detectionStart: [Int]
    /// Per image, its predictions by descending score.
    let detections: [Int32]

    init(groundTruth gt: GroundTruth, detections det: Detections) {
        let imageCount = gt.images.count
        (groundTruthStart, groundTruth) = countingSort(count: gt.annotations.count, keys: imageCount) {
            Int(gt.annotations.image[$0])
        }
        let byScore = sortedByDescendingScore(Array(0..<Int32(det.count)), scores: det.score)
        var start = [Int](repeating: 0, count: imageCount + 1)
        for d in 0..<det.count { start[Int(det.image[d]) + 1] += 1 }
        for image in 0..<imageCount { start[image + 1] += start[image] }
        var fill = start
        var sorted = [Int32](repeating: 0, count: det.count)
        for d in byScore {
            let image = Int(det.image[Int(d)])
            sorted[fill[image]] = d
            fill[image] += 1
        }
        detectionStart = start
        detections = sorted
    }

    func groundTruth(of image: Int) -> ArraySlice<Int32> {
        groundTruth[groundTruthStart[image]..<groundTruthStart[image + 1]]
    }

    func detections(of image: Int) -> ArraySlice<Int32> {
        detections[detectionStart[image]..<detectionStart[image + 1]]
    }
}
