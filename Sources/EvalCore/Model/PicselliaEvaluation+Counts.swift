/// The one place where a payload's counts (floats, as the platform stores them) and evalsh's
/// counts (`ImageClassCounts`, whole numbers) turn into each other.
extension PicselliaEvaluation {
    /// The `per_image_eval` counts, one image per entry in order: rounded, NaN as 0, clamped to
    /// `Int32`; a class an entry lacks (a short list) counts 0.
    public var counts: ImageClassCounts {
        let n = classCount
        let fields: [KeyPath<PicselliaImageEval, [Double]>] = [\.nbObjects, \.nbPreds, \.tp, \.fp, \.fn]
        let columns = fields.map { field in
            var column: [Int32] = []
            column.reserveCapacity(perImage.count * n)
            for entry in perImage {
                let values = entry[keyPath: field]
                for k in 0..<n { column.append(k < values.count ? Self.count(values[k]) : 0) }
            }
            return column
        }
        return ImageClassCounts(
            classCount: n, imageCount: perImage.count, nbObjects: columns[0], nbPreds: columns[1], tp: columns[2],
            fp: columns[3], fn: columns[4])
    }

    /// A payload's count as evalsh holds it: rounded, NaN as 0, clamped to `Int32` (a count the
    /// reader let through out of range must not trap; found by fuzzing, Fuzz/corpus/payload).
    public static func count(_ value: Double) -> Int32 {
        guard !value.isNaN else { return 0 }
        return Int32(max(Double(Int32.min), min(Double(Int32.max), value.rounded())))
    }
}

extension PicselliaImageEval {
    /// The entry of image `image` of `counts`, with its predictions' boxes and classes.
    public init(filename: String, image: Int, of counts: ImageClassCounts, bbox: [[Double]], classes: [Int]) {
        let r = counts.range(ofImage: image)
        func column(_ values: [Int32]) -> [Double] { values[r].map(Double.init) }
        self.init(
            filename: filename, nbObjects: column(counts.nbObjects), nbPreds: column(counts.nbPreds), tp: column(counts.tp),
            fp: column(counts.fp), fn: column(counts.fn), bbox: bbox, classes: classes)
    }
}

extension ConfusionMatrixLog {
    /// The matrix as whole counts, read as `PicselliaEvaluation.count` reads the per-image counts.
    public var counts: [[Int]] { values.map { $0.map { Int(PicselliaEvaluation.count($0)) } } }
}
