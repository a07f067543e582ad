extension Evaluator {
    /// The confidence sweep at IoU threshold `iou`, overall and per class.
    ///
    /// One operating point with every prediction kept gives each prediction its fate: the
    /// class-aware pass takes predictions in descending score order, so at any threshold the kept
    /// predictions are a prefix of that order and keep the fates they have here (a true positive
    /// stays one, a prediction set aside on a crowd region stays aside). The curve is then the
    /// running count down the scores.
    /// - Throws: `EvalCoreError.missingScore` when an included prediction has no score (it would
    ///   be kept at every threshold, which no sweep can rank).
    public func confidenceSweep(iou: Double, imageMask: [Bool]? = nil) throws(EvalCoreError) -> ConfidenceSweep {
        let included = includedImages(imageMask)
        let detections = detections
        if let unscored = detections.score.indices.first(where: {
            detections.score[$0].isNaN && included[Int(detections.image[$0])]
        }) {
            throw .missingScore(index: unscored)
        }
        let classCount = groundTruth.categories.count
        let result = operatingPoint(OperatingPoint(iou: iou, confidence: -.infinity), imageMask: imageMask)
        var objects = [Int](repeating: 0, count: classCount)
        for (i, n) in result.nbObjects.enumerated() { objects[i % classCount] += Int(n) }

        // Counted predictions (not set aside, not excluded), by descending score.
        var counted: [Int32] = []
        var isTrue = [Bool](repeating: false, count: detections.count)
        counted.reserveCapacity(detections.count)
        for (d, fate) in result.detectionFates.enumerated() {
            switch fate {
            case .truePositive:
                isTrue[d] = true
                counted.append(Int32(d))
            case .confused, .falsePositive:
                counted.append(Int32(d))
            case .setAside, .excluded, .belowConfidence:
                break
            }
        }
        let scores = detections.score
        counted.sort { scores[Int($0)] > scores[Int($1)] }

        var overall = ConfidenceSweep.Curve(objects: objects.reduce(0, +))
        var perClass = objects.map { ConfidenceSweep.Curve(objects: $0) }
        var tp = [Int](repeating: 0, count: classCount), predictions = tp
        var totalTP = 0
        var touched: [Int] = []
        var lastRun = [Int](repeating: -1, count: classCount)
        var run = 0
        var i = 0
        while i < counted.count {
            let score = scores[Int(counted[i])]
            touched.removeAll(keepingCapacity: true)
            run += 1
            while i < counted.count && scores[Int(counted[i])] == score {
                let d = Int(counted[i])
                let c = Int(detections.category[d])
                predictions[c] += 1
                if isTrue[d] {
                    tp[c] += 1
                    totalTP += 1
                }
                if lastRun[c] != run {
                    lastRun[c] = run
                    touched.append(c)
                }
                i += 1
            }
            overall.append(confidence: score, truePositives: totalTP, predictions: i)
            for c in touched {
                perClass[c].append(confidence: score, truePositives: tp[c], predictions: predictions[c])
            }
        }
        return ConfidenceSweep(iou: iou, overall: overall, perClass: perClass)
    }
}
