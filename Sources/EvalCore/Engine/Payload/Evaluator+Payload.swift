extension Evaluator {
    /// The Picsellia `evaluation` payload of this evaluation at an operating point (`semantics.md` §3).
    ///
    /// One entry per included image, in ground-truth image order. `bbox`/`classes` list the
    /// predictions counted in `nb_preds` (kept, not set aside) in file order, each box normalized by
    /// the image size as `[ymin, xmin, ymax, xmax]` and clamped to `[0, 1]` so that a box reaching
    /// past the border still satisfies the payload's consistency rules.
    public func payload(
        _ result: OperatingPointResult, metrics: [(key: String, value: JSONValue)], imageMask: [Bool]? = nil
    ) -> PicselliaEvaluation {
        let included = includedImages(imageMask)
        let n = result.classCount
        let images = groundTruth.images
        var boxes = [[[Double]]](repeating: [], count: images.count)
        var classes = [[Int]](repeating: [], count: images.count)
        for d in 0..<detections.count {
            switch result.detectionFates[d] {
            case .truePositive, .confused, .falsePositive:
                let image = Int(detections.image[d])
                boxes[image].append(Self.normalizedBox(detections.box(d), in: images[image]))
                classes[image].append(groundTruth.categories[Int(detections.category[d])].id)
            case .belowConfidence, .setAside, .excluded:
                continue
            }
        }
        func counts(_ column: [Int32], _ image: Int) -> [Double] {
            column[(image * n)..<((image + 1) * n)].map(Double.init)
        }
        let perImage = images.indices.filter { included[$0] }.map { i in
            PicselliaImageEval(
                filename: images[i].fileName, nbObjects: counts(result.nbObjects, i), nbPreds: counts(result.nbPreds, i),
                tp: counts(result.tp, i), fp: counts(result.fp, i), fn: counts(result.fn, i),
                bbox: boxes[i], classes: classes[i])
        }
        var totalObjects = [Double](repeating: 0, count: n)
        for i in images.indices where included[i] {
            for c in 0..<n { totalObjects[c] += Double(result.nbPreds[i * n + c]) }
        }
        let filenameMatrix = (0...n).map { row in
            (0...n).map { column in result.images(inCell: row, column).map { images[Int($0.image)].fileName } }
        }
        return PicselliaEvaluation(
            categories: groundTruth.categories.map { String($0.id) }, labels: groundTruth.categories.map(\.name),
            totalObjects: totalObjects, perImage: perImage, filenameMatrix: filenameMatrix, metrics: metrics)
    }

    /// `[ymin, xmin, ymax, xmax]` as fractions of the image's height and width, clamped to `[0, 1]`
    /// (0 for an image without a size).
    static func normalizedBox(_ box: BoundingBox, in image: ImageInfo) -> [Double] {
        func fraction(_ value: Double, _ size: Double) -> Double {
            guard size > 0, value.isFinite else { return 0 }
            return Swift.min(Swift.max(value / size, 0), 1)
        }
        return [
            fraction(box.y, image.height), fraction(box.x, image.width),
            fraction(box.y + box.height, image.height), fraction(box.x + box.width, image.width),
        ]
    }
}
