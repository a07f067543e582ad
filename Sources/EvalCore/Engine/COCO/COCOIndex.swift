/// The grouping pycocotools' `evaluate` works on, built once per evaluation.
///
/// For every class (label-map index) the `(image, class)` pairs that have ground truth or
/// detections — pycocotools' non-`None` `evalImgs` — in ascending image-id order. Each pair holds
/// its ground truth in file order and its detections stable-sorted by descending score and cut to
/// 100. Per class, `scoreOrder` is the stable score sort of all those detections in that
/// concatenation order, which is the sort `accumulate` does; with a subset of images or a smaller
/// maxDets, the sort of the subset is the subsequence of this one, so it is done once.
struct COCOIndex: Sendable {
    /// Label-map indices in ascending category id: pycocotools' K axis (summation order).
    let classesByID: [Int]
    /// Per class, the range of its pairs in the `pair…` arrays.
    let classPairStart: [Int]
    let pairImage: [Int32]
    let pairGroundTruthStart: [Int]
    let pairDetectionStart: [Int]
    /// Annotation indices, grouped by pair.
    let groundTruth: [Int32]
    /// Detection indices, grouped by pair (per class, pairs are contiguous).
    let detections: [Int32]
    /// For each slot of `detections`: its pair and its rank within the pair (0-based).
    let detectionPair: [Int32]
    let detectionRank: [UInt8]
    /// Per class, slots of `detections` (absolute) in accumulation order; ranges as `classDetectionStart`.
    let scoreOrder: [Int32]
    let classDetectionStart: [Int]

    static let maxDetections = COCOParameters.maxDetections.last!

    init(groundTruth gt: GroundTruth, detections det: Detections) {
        let classCount = gt.categories.count
        let imageCount = gt.images.count
        classesByID = (0..<classCount).sorted { (gt.categories[$0].id, $0) < (gt.categories[$1].id, $1) }
        let imagesByID = (0..<imageCount).sorted { (gt.images[$0].id, $0) < (gt.images[$1].id, $1) }
        var imageRank = [Int](repeating: 0, count: imageCount)
        for (rank, image) in imagesByID.enumerated() { imageRank[image] = rank }

        // Counting sort on key = class * imageCount + imageRank keeps file order inside a key.
        let keyCount = classCount * imageCount
        let gtBuckets = countingSort(count: gt.annotations.count, keys: keyCount) {
            Int(gt.annotations.category[$0]) * imageCount + imageRank[Int(gt.annotations.image[$0])]
        }
        let dtBuckets = countingSort(count: det.count, keys: keyCount) { Int(det.category[$0]) * imageCount + imageRank[Int(det.image[$0])] }

        var classPairStart = [0]
        var pairImage: [Int32] = [], pairGroundTruthStart: [Int] = [], pairDetectionStart: [Int] = []
        var groundTruth: [Int32] = [], detections: [Int32] = []
        var detectionPair: [Int32] = [], detectionRank: [UInt8] = []
        var classDetectionStart = [0]
        groundTruth.reserveCapacity(gt.annotations.count)
        detections.reserveCapacity(det.count)
        let scores = det.score
        for c in 0..<classCount {
            for rank in 0..<imageCount {
                let key = c * imageCount + rank
                let gts = gtBuckets.items[gtBuckets.start[key]..<gtBuckets.start[key + 1]]
                let dts = dtBuckets.items[dtBuckets.start[key]..<dtBuckets.start[key + 1]]
                if gts.isEmpty && dts.isEmpty { continue }
                let pair = Int32(pairImage.count)
                pairImage.append(Int32(imagesByID[rank]))
                pairGroundTruthStart.append(groundTruth.count)
                pairDetectionStart.append(detections.count)
                groundTruth.append(contentsOf: gts)
                let sorted = dts.sorted { Self.ranksBefore($0, $1, scores) }.prefix(Self.maxDetections)
                detections.append(contentsOf: sorted)
                detectionPair.append(contentsOf: repeatElement(pair, count: sorted.count))
                detectionRank.append(contentsOf: (0..<sorted.count).map { UInt8($0) })
            }
            classPairStart.append(pairImage.count)
            classDetectionStart.append(detections.count)
        }
        pairGroundTruthStart.append(groundTruth.count)
        pairDetectionStart.append(detections.count)

        let cutDetections = detections, classStart = classDetectionStart
        let slotsByScore = parallelArray(count: detections.count, initial: Int32(0)) { out in
            parallelFor(classCount) { c in
                let slots = classStart[c]..<classStart[c + 1]
                let order = slots.sorted { a, b in
                    let sa = Self.sortScore(scores[Int(cutDetections[a])])
                    let sb = Self.sortScore(scores[Int(cutDetections[b])])
                    return sa > sb || (sa == sb && a < b)
                }
                for (offset, slot) in order.enumerated() { out[slots.lowerBound + offset] = Int32(slot) }
            }
        }

        self.classPairStart = classPairStart
        self.pairImage = pairImage
        self.pairGroundTruthStart = pairGroundTruthStart
        self.pairDetectionStart = pairDetectionStart
        self.groundTruth = groundTruth
        self.detections = detections
        self.detectionPair = detectionPair
        self.detectionRank = detectionRank
        self.scoreOrder = slotsByScore
        self.classDetectionStart = classDetectionStart
    }

    /// A missing score sorts last; COCO metrics refuse such a detection before using any order.
    @inline(__always)
    static func sortScore(_ score: Double) -> Double { score.isNaN ? -.infinity : score }

    /// Descending score, ties in file order: `np.argsort(-scores, kind='mergesort')`.
    @inline(__always)
    static func ranksBefore(_ a: Int32, _ b: Int32, _ scores: [Double]) -> Bool {
        let sa = sortScore(scores[Int(a)]), sb = sortScore(scores[Int(b)])
        return sa > sb || (sa == sb && a < b)
    }
}
