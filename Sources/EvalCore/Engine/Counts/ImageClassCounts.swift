/// Objects, predictions, TP, FP and FN per image and class: what the engine counts at an
/// operating point, what a payload's `per_image_eval` records, and what `images`, `where`,
/// `summary` and `compare` read.
///
/// Each column is flattened as `[image * classCount + class]`, so that the engine fills flat
/// `Int32` arrays with no allocation per image.
public struct ImageClassCounts: Equatable, Sendable {
    public private(set) var classCount: Int
    public private(set) var imageCount: Int
    /// Ground-truth objects (crowd regions left out).
    public var nbObjects: [Int32]
    /// Predictions counted at the operating point (above the confidence threshold, not set aside).
    public var nbPreds: [Int32]
    public var tp: [Int32]
    public var fp: [Int32]
    public var fn: [Int32]

    /// Counts from their five columns, each `imageCount * classCount` long.
    public init(
        classCount: Int, imageCount: Int, nbObjects: [Int32], nbPreds: [Int32], tp: [Int32], fp: [Int32], fn: [Int32]
    ) {
        let size = classCount * imageCount
        precondition(
            [nbObjects, nbPreds, tp, fp, fn].allSatisfy { $0.count == size },
            "ImageClassCounts: every column holds imageCount × classCount values")
        self.classCount = classCount
        self.imageCount = imageCount
        self.nbObjects = nbObjects
        self.nbPreds = nbPreds
        self.tp = tp
        self.fp = fp
        self.fn = fn
    }

    /// Counts from objects, predictions and true positives, the three the engine counts:
    /// FP = predictions − TP, FN = objects − TP.
    public init(classCount: Int, imageCount: Int, nbObjects: [Int32], nbPreds: [Int32], tp: [Int32]) {
        self.init(
            classCount: classCount, imageCount: imageCount, nbObjects: nbObjects, nbPreds: nbPreds, tp: tp,
            fp: zip(nbPreds, tp).map { $0 - $1 }, fn: zip(nbObjects, tp).map { $0 - $1 })
    }

    /// The positions of `image`'s counts in each column.
    public func range(ofImage image: Int) -> Range<Int> { image * classCount..<(image + 1) * classCount }

    /// One image's counts, as counts of a single image.
    public func image(_ image: Int) -> ImageClassCounts {
        let r = range(ofImage: image)
        return ImageClassCounts(
            classCount: classCount, imageCount: 1, nbObjects: Array(nbObjects[r]), nbPreds: Array(nbPreds[r]),
            tp: Array(tp[r]), fp: Array(fp[r]), fn: Array(fn[r]))
    }

    /// The counts summed over `images`, for one class or over all classes.
    public func totals(images: [Int], classIndex: Int? = nil) -> Totals {
        totals(images.count, classIndex: classIndex) { images[$0] }
    }

    /// The counts summed over `images`, per class (in one pass over the images' rows, where a
    /// `totals(images:classIndex:)` per class reads every row once per class).
    public func perClassTotals(images: [Int]) -> [Totals] {
        var sums = [Int](repeating: 0, count: 5 * classCount)
        sums.withUnsafeMutableBufferPointer { sums in
            for image in images {
                let base = image * classCount
                for c in 0..<classCount {
                    sums[5 * c] += Int(nbObjects[base + c])
                    sums[5 * c + 1] += Int(nbPreds[base + c])
                    sums[5 * c + 2] += Int(tp[base + c])
                    sums[5 * c + 3] += Int(fp[base + c])
                    sums[5 * c + 4] += Int(fn[base + c])
                }
            }
        }
        return (0..<classCount).map { c in
            Totals(objects: sums[5 * c], predictions: sums[5 * c + 1], tp: sums[5 * c + 2], fp: sums[5 * c + 3], fn: sums[5 * c + 4])
        }
    }

    /// Every image's counts summed, for one class or over all classes.
    public func totals(classIndex: Int? = nil) -> Totals { totals(imageCount, classIndex: classIndex) { $0 } }

    private func totals(_ count: Int, classIndex: Int?, image: (Int) -> Int) -> Totals {
        var objects = 0, predictions = 0, tp = 0, fp = 0, fn = 0
        for i in 0..<count {
            let image = image(i)
            let r = classIndex.map { image * classCount + $0..<image * classCount + $0 + 1 } ?? range(ofImage: image)
            for k in r {
                objects += Int(nbObjects[k])
                predictions += Int(self.nbPreds[k])
                tp += Int(self.tp[k])
                fp += Int(self.fp[k])
                fn += Int(self.fn[k])
            }
        }
        return Totals(objects: objects, predictions: predictions, tp: tp, fp: fp, fn: fn)
    }
}
