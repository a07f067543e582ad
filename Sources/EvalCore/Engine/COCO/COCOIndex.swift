/// The grouping pycocotools' `evaluate` works on, built once per evaluation.
///
/// For every class (label-map index) the `(image, class)` pairs that have ground truth or
/// detections — pycocotools' non-`None` `evalImgs` — in ascending image-id order. Each pair holds
/// its ground truth in file order and its detections stable-sorted by descending score and cut to
/// 100. Per class, `scoreOrder` is the stable score sort of all those detections in that
/// concatenation order, which is the sort `accumulate` does; with a subset of images or a smaller
/// maxDets, the sort of the subset is the subsequence of this one, so it is done once.
///
/// Held: 13 bytes per detection kept (slot, rank, score order) and 4 per ground-truth box.
struct COCOIndex: Sendable {
    /// Label-map indices in ascending category id: pycocotools' K axis (summation order).
    let classesByID: [Int]
    /// Per class, the range of its pairs in the `pair…` arrays.
    let classPairStart: [Int]
    let pairImage: [Int32]
    let pairGroundTruthStart: [Int32]
    let pairDetectionStart: [Int32]
    /// Annotation indices, grouped by pair.
    let groundTruth: [Int32]
    /// Detection indices, grouped by pair (per class, pairs are contiguous).
    let detections: [Int32]
    /// For each slot of `detections`: its rank within the pair (0-based).
    let detectionRank: [UInt8]
    /// Per class, slots of `detections` (absolute) in accumulation order; ranges as `classDetectionStart`.
    let scoreOrder: [Int32]
    let classDetectionStart: [Int]

    static let maxDetections = COCOParameters.maxDetections.last!

    /// Nil when `shouldStop` answers true (it is asked once per class, twice).
    init?(groundTruth gt: GroundTruth, detections det: Detections, shouldStop: @escaping @Sendable () -> Bool = { false }) {
        let classCount = gt.categories.count
        let imageCount = gt.images.count
        classesByID = (0..<classCount).sorted { (gt.categories[$0].id, $0) < (gt.categories[$1].id, $1) }
        let imagesByID = (0..<imageCount).sorted { (gt.images[$0].id, $0) < (gt.images[$1].id, $1) }
        var ranks = [Int32](repeating: 0, count: imageCount)
        for (rank, image) in imagesByID.enumerated() { ranks[image] = Int32(rank) }
        let imageRank = ranks

        // Two stable counting sorts (image rank, then class) order items by (class, image rank),
        // file order inside; no table of classes × images keys.
        func byClassThenImage(count: Int, image: [Int32], category: [Int32]) -> (start: [Int], items: [Int32]) {
            let byImage = countingSort(count: count, keys: imageCount) { Int(imageRank[Int(image[$0])]) }
            return countingSort(items: byImage.items, keys: classCount) { Int(category[Int($0)]) }
        }
        let gtSorted = byClassThenImage(count: gt.annotations.count, image: gt.annotations.image, category: gt.annotations.category)
        let dtSorted = byClassThenImage(count: det.count, image: det.image, category: det.category)

        // Per class, in parallel: its pairs, and their detections sorted by score and cut.
        struct ClassPairs {
            var image: [Int32] = []
            var groundTruthStart: [Int32] = []
            /// Relative to the class's first detection slot.
            var detectionStart: [Int32] = []
            var detections: [Int32] = []
            var rank: [UInt8] = []
        }
        let scores = det.score
        let gtImage = gt.annotations.image, dtImage = det.image
        let perClass = parallelArray(count: classCount, initial: ClassPairs()) { out in
            parallelFor(classCount) { c in
                if shouldStop() { return }
                var pairs = ClassPairs()
                var pairScratch: [Int32] = []
                var g = gtSorted.start[c], d = dtSorted.start[c]
                let gEnd = gtSorted.start[c + 1], dEnd = dtSorted.start[c + 1]
                // Upper bounds: reserved pages never written are never resident, and no array is
                // regrown (a regrown array holds twice its size for a moment).
                let pairBound = (gEnd - g) + (dEnd - d)
                pairs.image.reserveCapacity(pairBound)
                pairs.groundTruthStart.reserveCapacity(pairBound)
                pairs.detectionStart.reserveCapacity(pairBound)
                pairs.detections.reserveCapacity(dEnd - d)
                pairs.rank.reserveCapacity(dEnd - d)
                while g < gEnd || d < dEnd {
                    let gRank = g < gEnd ? imageRank[Int(gtImage[Int(gtSorted.items[g])])] : Int32.max
                    let dRank = d < dEnd ? imageRank[Int(dtImage[Int(dtSorted.items[d])])] : Int32.max
                    let rank = min(gRank, dRank)
                    pairs.image.append(Int32(imagesByID[Int(rank)]))
                    pairs.groundTruthStart.append(Int32(g))
                    pairs.detectionStart.append(Int32(pairs.detections.count))
                    while g < gEnd && imageRank[Int(gtImage[Int(gtSorted.items[g])])] == rank { g += 1 }
                    pairScratch.removeAll(keepingCapacity: true)
                    while d < dEnd && imageRank[Int(dtImage[Int(dtSorted.items[d])])] == rank {
                        pairScratch.append(dtSorted.items[d])
                        d += 1
                    }
                    Self.sortByScore(&pairScratch, scores)
                    let kept = min(pairScratch.count, Self.maxDetections)
                    pairs.detections.append(contentsOf: pairScratch[0..<kept])
                    for r in 0..<kept { pairs.rank.append(UInt8(r)) }
                }
                out[c] = pairs
            }
        }
        if shouldStop() { return nil }

        var classPairStart = [0]
        var classDetectionStart = [0]
        for pairs in perClass {
            classPairStart.append(classPairStart.last! + pairs.image.count)
            classDetectionStart.append(classDetectionStart.last! + pairs.detections.count)
        }
        // Joined field by field, each class's part freed once copied: the index is held about
        // once, not twice, at its peak.
        var parts = perClass
        _ = consume perClass
        func join<T>(_ field: WritableKeyPath<ClassPairs, [T]>, extra: Int = 0, adding offset: (Int) -> T? = { _ in nil })
            -> [T] where T: BinaryInteger
        {
            var joined: [T] = []
            joined.reserveCapacity(parts.reduce(0) { $0 + $1[keyPath: field].count } + extra)
            for c in parts.indices {
                if let shift = offset(c) {
                    joined.append(contentsOf: parts[c][keyPath: field].lazy.map { $0 + shift })
                } else {
                    joined.append(contentsOf: parts[c][keyPath: field])
                }
                parts[c][keyPath: field] = []
            }
            return joined
        }
        let pairImage = join(\.image, extra: 1)
        var pairGroundTruthStart = join(\.groundTruthStart, extra: 1)
        var pairDetectionStart = join(\.detectionStart, extra: 1) { Int32(classDetectionStart[$0]) }
        let detections = join(\.detections)
        let detectionRank = join(\.rank)
        pairGroundTruthStart.append(Int32(gtSorted.items.count))
        pairDetectionStart.append(Int32(detections.count))

        if shouldStop() { return nil }
        let cutDetections = detections, classStart = classDetectionStart
        let slotsByScore = parallelArray(count: detections.count, initial: Int32(0)) { out in
            parallelFor(classCount) { c in
                if shouldStop() { return }
                let slots = classStart[c]..<classStart[c + 1]
                for slot in slots { out[slot] = Int32(slot) }
                ScoreRadixSort.sort(
                    UnsafeMutableBufferPointer(rebasing: out.base[slots]), detections: cutDetections, scores: scores)
            }
        }

        if shouldStop() { return nil }
        self.classPairStart = classPairStart
        self.pairImage = pairImage
        self.pairGroundTruthStart = pairGroundTruthStart
        self.pairDetectionStart = pairDetectionStart
        self.groundTruth = gtSorted.items
        self.detections = detections
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

    /// Sorts detection indices (ascending on entry) by `ranksBefore`; an insertion sort for the
    /// few detections of most pairs.
    static func sortByScore(_ items: inout [Int32], _ scores: [Double]) {
        if items.count > 32 {
            items.sort { ranksBefore($0, $1, scores) }
            return
        }
        items.withUnsafeMutableBufferPointer { items in
            for i in 1..<max(items.count, 1) {
                let item = items[i]
                var j = i
                while j > 0 && ranksBefore(item, items[j - 1], scores) {
                    items[j] = items[j - 1]
                    j -= 1
                }
                items[j] = item
            }
        }
    }
}
