extension Evaluator {
    /// The box table of an operating point computed by `operatingPoint(_:imageMask:)` on this
    /// evaluator (its image mask carries over: excluded images have no rows).
    ///
    /// The `error` column applies TIDE's rules (`TIDEError`) at the operating point: the
    /// foreground threshold is the operating point's IoU, "matched" means matched in the
    /// class-aware pass, and only kept predictions count. A false positive gets its TIDE type; a
    /// false negative is `miss` unless a `cls` or `loc` false positive of its image points at it;
    /// true positives and ignored rows have none.
    public func boxTable(_ result: OperatingPointResult, background: Double = 0.1) -> BoxTable {
        let grouping = ImageGrouping(groundTruth: groundTruth, detections: detections)
        let imageCount = groundTruth.images.count
        let chunks = Swift.min(imageCount, 8)
        var parts = [BoxTable](repeating: BoxTable(), count: chunks)
        parts.withUnsafeMutableBufferPointer { parts in
            let out = SharedBuffer(parts)
            parallelFor(chunks) { chunk in
                out[chunk] = boxRows(
                    of: chunkRange(chunk, of: chunks, count: imageCount), result, grouping, background: background)
            }
        }
        guard var table = parts.first else { return BoxTable() }
        for part in parts.dropFirst() { table.append(contentsOf: part) }
        return table
    }

    /// The rows of a range of images (`imageRowStart` counted from the range's first image).
    private func boxRows(
        of images: Range<Int>, _ result: OperatingPointResult, _ grouping: ImageGrouping, background: Double
    ) -> BoxTable {
        let annotations = groundTruth.annotations
        let classifier = TIDEClassifier(foreground: result.point.iou, background: background)
        var table = BoxTable()
        if let first = images.first, let last = images.last {
            let objects = grouping.groundTruthStart[last + 1] - grouping.groundTruthStart[first]
            let predictions = grouping.detectionStart[last + 1] - grouping.detectionStart[first]
            table.reserveCapacity(objects + predictions / 2)
        }
        table.imageRowStart.reserveCapacity(images.count + 1)

        var objects: [Int32] = [], classes: [Int32] = [], matched: [Bool] = [], pointedAt: [Bool] = []
        var ious: [Double] = []
        var predictionRows: [(d: Int, iou: Double, match: Int32, fate: BoxTable.Fate, error: TIDEError?)] = []
        for image in images {
            defer { table.imageRowStart.append(table.count) }
            let gts = grouping.groundTruth(of: image)
            let dts = grouping.detections(of: image)
            if let first = gts.first ?? dts.first, isExcluded(first, isGroundTruth: !gts.isEmpty, result) { continue }

            objects.removeAll(keepingCapacity: true)
            classes.removeAll(keepingCapacity: true)
            matched.removeAll(keepingCapacity: true)
            for a in gts where !annotations.isCrowd[Int(a)] {
                objects.append(a)
                classes.append(annotations.category[Int(a)])
                if case .found = result.groundTruthFates[Int(a)] { matched.append(true) } else { matched.append(false) }
            }
            pointedAt = [Bool](repeating: false, count: objects.count)

            // Predictions first (their errors decide which false negatives are misses), appended after.
            predictionRows.removeAll(keepingCapacity: true)
            for d in dts {
                let d = Int(d)
                switch result.detectionFates[d] {
                case .belowConfidence, .excluded:
                    continue
                case .truePositive(_, let iou):
                    predictionRows.append((d, iou, detections.category[d], .truePositive, nil))
                case .setAside(let crowd, let iou):
                    predictionRows.append((d, iou, annotations.category[Int(crowd)], .ignored, nil))
                case .confused(let a, let iou):
                    let error = classify(d, objects, classes, matched, &pointedAt, &ious, classifier)
                    predictionRows.append((d, iou, annotations.category[Int(a)], .falsePositive, error))
                case .falsePositive:
                    let error = classify(d, objects, classes, matched, &pointedAt, &ious, classifier)
                    predictionRows.append((d, .nan, -1, .falsePositive, error))
                }
            }
            var objectIndex = 0
            for a in gts {
                let a = Int(a)
                var iou = Double.nan, match: Int32 = -1, fate = BoxTable.Fate.ignored
                var error: TIDEError?
                switch result.groundTruthFates[a] {
                case .found(let d, let value):
                    (iou, match, fate) = (value, detections.category[Int(d)], .truePositive)
                case .confusedAs(let d, let value):
                    (iou, match, fate) = (value, detections.category[Int(d)], .falseNegative)
                    error = pointedAt[objectIndex] ? nil : .miss
                case .missed:
                    fate = .falseNegative
                    error = pointedAt[objectIndex] ? nil : .miss
                case .crowd, .excluded:
                    break
                }
                if !annotations.isCrowd[a] { objectIndex += 1 }
                table.append(
                    kind: .groundTruth, source: a, image: image, category: annotations.category[a], score: .nan,
                    box: annotations.box(a), area: annotations.area[a], iou: iou, match: match, fate: fate,
                    error: error)
            }
            for row in predictionRows {
                let box = detections.box(row.d)
                table.append(
                    kind: .prediction, source: row.d, image: image, category: detections.category[row.d],
                    score: detections.score[row.d], box: box, area: box.width * box.height, iou: row.iou,
                    match: row.match, fate: row.fate, error: row.error)
            }
        }
        return table
    }

    private func isExcluded(_ first: Int32, isGroundTruth: Bool, _ result: OperatingPointResult) -> Bool {
        isGroundTruth
            ? result.groundTruthFates[Int(first)] == .excluded : result.detectionFates[Int(first)] == .excluded
    }

    /// TIDE's type of false prediction `d` against the image's non-crowd objects; marks the
    /// unmatched object a `cls`/`loc` error points at.
    private func classify(
        _ d: Int, _ objects: [Int32], _ classes: [Int32], _ matched: [Bool], _ pointedAt: inout [Bool],
        _ ious: inout [Double], _ classifier: TIDEClassifier
    ) -> TIDEError {
        let annotations = groundTruth.annotations
        ious.removeAll(keepingCapacity: true)
        for a in objects {
            let a = Int(a)
            ious.append(boxIoU(prediction: d, of: detections, object: a, of: annotations, crowd: false))
        }
        let (error, object) = ious.withUnsafeBufferPointer { ious in
            classes.withUnsafeBufferPointer { classes in
                matched.withUnsafeBufferPointer { matched in
                    classifier.classify(ious: ious, classes: classes, matched: matched, category: detections.category[d])
                }
            }
        }
        if (error == .cls || error == .loc) && !matched[object] { pointedAt[object] = true }
        return error
    }
}
