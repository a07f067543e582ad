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
        let categoryIds = groundTruth.categories.map(\.id)
        let kept = images.indices.filter { included[$0] }
        // Predictions per image in file order; the images' entries are built on all cores.
        let (start, byImage) = countingSort(count: detections.count, keys: images.count) { Int(self.detections.image[$0]) }
        let placeholder = PicselliaImageEval(filename: "", nbObjects: [], nbPreds: [], tp: [], fp: [], fn: [], bbox: [], classes: [])
        var perImage = [PicselliaImageEval](repeating: placeholder, count: kept.count)
        perImage.withUnsafeMutableBufferPointer { buffer in
            let out = SharedBuffer(buffer)
            let chunks = Swift.min(kept.count, 16)
            parallelFor(chunks) { chunk in
                for slot in chunkRange(chunk, of: chunks, count: kept.count) {
                    out[slot] = self.imageEntry(
                        kept[slot], result: result, predictions: byImage[start[kept[slot]]..<start[kept[slot] + 1]],
                        categoryIds: categoryIds)
                }
            }
        }
        let totalObjects = (0..<n).map { Double(result.counts.totals(images: kept, classIndex: $0).predictions) }
        let filenameMatrix = (0...n).map { row in
            (0...n).map { column in result.images(inCell: row, column).map { images[Int($0.image)].fileName } }
        }
        return PicselliaEvaluation(
            categories: groundTruth.categories.map { String($0.id) }, labels: groundTruth.categories.map(\.name),
            totalObjects: totalObjects, perImage: perImage, filenameMatrix: filenameMatrix, metrics: metrics)
    }

    /// The payload's entry of image `i`: its counts, and its predictions counted in `nb_preds`.
    private func imageEntry(
        _ i: Int, result: OperatingPointResult, predictions: ArraySlice<Int32>, categoryIds: [Int]
    ) -> PicselliaImageEval {
        let image = groundTruth.images[i]
        var boxes: [[Double]] = []
        var classes: [Int] = []
        boxes.reserveCapacity(predictions.count)
        classes.reserveCapacity(predictions.count)
        for d in predictions {
            switch result.detectionFates[Int(d)] {
            case .truePositive, .confused, .falsePositive:
                boxes.append(Self.normalizedBox(detections.box(Int(d)), in: image))
                classes.append(categoryIds[Int(detections.category[Int(d)])])
            case .belowConfidence, .setAside, .excluded:
                continue
            }
        }
        return PicselliaImageEval(filename: image.fileName, image: i, of: result.counts, bbox: boxes, classes: classes)
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
