extension Evaluator {
    /// The confidence sweep at IoU threshold `iou`, overall and per class.
    ///
    /// The class-aware pass of the operating point (`semantics.md` §2) takes an image's predictions
    /// in descending score order, so at any threshold the kept predictions are a prefix of that
    /// order and keep the fate they have with every prediction kept: a true positive stays one, a
    /// prediction set aside on a crowd region stays aside. Passes 2 and 3 are run once with every
    /// prediction kept (the confusion pass changes no count); the curve is the running count down
    /// the scores.
    /// - Throws: `EvalCoreError.missingScore` when an included prediction has no score (it would
    ///   be kept at every threshold, which no sweep can rank).
    public func confidenceSweep(iou: Double, imageMask: [Bool]? = nil) throws(EvalCoreError) -> ConfidenceSweep {
        let included = includedImages(imageMask)
        let detections = detections, annotations = groundTruth.annotations
        try requireScores(included: included)
        let classCount = groundTruth.categories.count
        let imageCount = groundTruth.images.count
        let grouping = ImageGrouping(groundTruth: groundTruth, detections: detections)
        /// 0: not counted (excluded or set aside), 1: true positive, 2: false positive.
        var outcome = [UInt8](repeating: 0, count: detections.count)
        let chunks = Swift.min(imageCount, 16)
        var chunkObjects = [[Int]](repeating: [], count: chunks)
        outcome.withUnsafeMutableBufferPointer { outcome in
            chunkObjects.withUnsafeMutableBufferPointer { chunkObjects in
                let out = SharedBuffer(outcome), objectsOut = SharedBuffer(chunkObjects)
                parallelFor(chunks) { chunk in
                    var objects = [Int](repeating: 0, count: classCount)
                    var taken: [Bool] = []
                    for image in chunkRange(chunk, of: chunks, count: imageCount) where included[image] {
                        let gts = grouping.groundTruth(of: image)
                        taken = [Bool](repeating: false, count: gts.count)
                        for a in gts where !annotations.isCrowd[Int(a)] { objects[Int(annotations.category[Int(a)])] += 1 }
                        for d in grouping.detections(of: image) {
                            let d = Int(d)
                            let c = detections.category[d]
                            var best = -1
                            var bestIoU = 0.0
                            for (j, a) in gts.enumerated() {
                                let a = Int(a)
                                guard !taken[j] && !annotations.isCrowd[a] && annotations.category[a] == c else { continue }
                                let value = boxIoU(prediction: d, of: detections, object: a, of: annotations, crowd: false)
                                if value >= iou && (best < 0 || value > bestIoU) {
                                    best = j
                                    bestIoU = value
                                }
                            }
                            if best >= 0 {
                                taken[best] = true
                                out[d] = 1
                                continue
                            }
                            let setAside = gts.contains { a in
                                let a = Int(a)
                                return annotations.isCrowd[a] && annotations.category[a] == c
                                    && boxIoU(prediction: d, of: detections, object: a, of: annotations, crowd: true) >= iou
                            }
                            out[d] = setAside ? 0 : 2
                        }
                    }
                    objectsOut[chunk] = objects
                }
            }
        }
        var objects = [Int](repeating: 0, count: classCount)
        for chunk in chunkObjects { for (c, n) in chunk.enumerated() { objects[c] += n } }

        // Counted predictions by descending score, as `class << 1 | isTrue`.
        var payload: [Int32] = [], countedScores: [Double] = []
        payload.reserveCapacity(detections.count)
        countedScores.reserveCapacity(detections.count)
        for d in 0..<detections.count where outcome[d] != 0 {
            payload.append(detections.category[d] << 1 | (outcome[d] == 1 ? 1 : 0))
            countedScores.append(detections.score[d])
        }
        let (ranked, keys) = sortedByDescendingScore(payload: payload, scores: countedScores)

        var overall = ConfidenceSweep.Curve(objects: objects.reduce(0, +))
        var perClass = objects.map { ConfidenceSweep.Curve(objects: $0) }
        var tp = [Int](repeating: 0, count: classCount), predictions = tp
        var totalTP = 0
        var touched: [Int] = []
        var lastRun = [Int](repeating: -1, count: classCount)
        var run = 0
        var i = 0
        while i < ranked.count {
            let key = keys[i]
            touched.removeAll(keepingCapacity: true)
            run += 1
            while i < ranked.count && keys[i] == key {
                let c = Int(ranked[i] >> 1)
                predictions[c] += 1
                if ranked[i] & 1 == 1 {
                    tp[c] += 1
                    totalTP += 1
                }
                if lastRun[c] != run {
                    lastRun[c] = run
                    touched.append(c)
                }
                i += 1
            }
            let confidence = score(ofKey: key)
            overall.append(confidence: confidence, truePositives: totalTP, predictions: i)
            for c in touched {
                perClass[c].append(confidence: confidence, truePositives: tp[c], predictions: predictions[c])
            }
        }
        return ConfidenceSweep(iou: iou, overall: overall, perClass: perClass)
    }
}
