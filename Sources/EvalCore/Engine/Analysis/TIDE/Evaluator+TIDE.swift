extension Evaluator {
    /// TIDE's error breakdown, equal to `tidecv` 1.0.1's `fix_main_errors()` and
    /// `fix_special_errors()` (to rounding in the last bits of the class mean).
    ///
    /// TIDE matches on its own (see `TIDEImageMatcher`), independently of the operating point, and
    /// ranks every prediction of the included images (at most `maxDetections` per image). Each main
    /// error is fixed alone: a fixed `cls`/`loc` error becomes a true positive (of the object's
    /// class for `cls`) when its prediction is the best-scored one pointing at that object, and is
    /// dropped otherwise; `dupe`, `bkg` and `both` are dropped; `miss` lowers the ground-truth count.
    /// Ranking ties follow TIDE's dictionaries: before a fix, by image then rank in the image;
    /// after one, the points TIDE re-inserts from its error list come before the true positives.
    /// - Throws: `EvalCoreError.missingScore` when an included prediction has no score.
    public func tideBreakdown(
        foreground: Double = 0.5, background: Double = 0.1, maxDetections: Int = 100, imageMask: [Bool]? = nil
    ) throws(EvalCoreError) -> TIDEBreakdown {
        let included = includedImages(imageMask)
        let groundTruth = groundTruth, detections = detections
        try requireScores(included: included)
        let classCount = groundTruth.categories.count
        let imageCount = groundTruth.images.count
        let grouping = ImageGrouping(groundTruth: groundTruth, detections: detections)
        let classifier = TIDEClassifier(foreground: foreground, background: background)
        var state = [TIDEImageMatcher.State](repeating: .notEvaluated, count: detections.count)
        var error = [UInt8](repeating: TIDEImageMatcher.noError, count: detections.count)
        var fixClass = [Int32](repeating: -1, count: detections.count)
        let chunks = Swift.min(imageCount, 32)
        var tallies = [TIDEImageMatcher.Tally](repeating: .init(classCount: classCount), count: chunks)
        state.withUnsafeMutableBufferPointer { state in
            error.withUnsafeMutableBufferPointer { error in
                fixClass.withUnsafeMutableBufferPointer { fixClass in
                    tallies.withUnsafeMutableBufferPointer { tallies in
                        let out = TIDEImageMatcher.Output(
                            state: SharedBuffer(state), error: SharedBuffer(error), fixClass: SharedBuffer(fixClass))
                        let talliesOut = SharedBuffer(tallies)
                        parallelFor(chunks) { chunk in
                            var matcher = TIDEImageMatcher(
                                groundTruth: groundTruth, detections: detections, grouping: grouping,
                                classifier: classifier, maxDetections: maxDetections)
                            var tally = TIDEImageMatcher.Tally(classCount: classCount)
                            for image in chunkRange(chunk, of: chunks, count: imageCount) where included[image] {
                                matcher.run(image: image, into: out, tally: &tally)
                            }
                            talliesOut[chunk] = tally
                        }
                    }
                }
            }
        }
        var tally = TIDEImageMatcher.Tally(classCount: classCount)
        for chunkTally in tallies { tally.add(chunkTally) }

        // Every evaluated prediction by descending score, ties by image then rank in the image.
        var ranked: [Int32] = []
        ranked.reserveCapacity(detections.count)
        for image in 0..<imageCount where included[image] {
            ranked += grouping.detections(of: image).prefix(maxDetections)
        }
        let scores = detections.score
        ranked = sortedByDescendingScore(ranked, scores: scores)

        let ranking = TIDERanking(
            ranked: ranked, scores: scores, category: detections.category, state: state, error: error,
            fixClass: fixClass, classCount: classCount)
        // The runs of TIDE's AP, computed side by side: before, each main fix, FalsePos, FalseNeg.
        var jobs: [(TIDERanking.Scenario, [Int])] = [(.original, tally.positives)]
        for type in TIDEError.allCases {
            let positives = type == .miss ? zip(tally.positives, tally.missed).map { $0 - $1 } : tally.positives
            jobs.append((.fixing(type), positives))
        }
        jobs.append((.falsePositivesLast, tally.positives))
        jobs.append((.fixing(nil), zip(tally.positives, tally.unmatched).map { $0 - $1 }))
        var runs = [ClassAPs](repeating: ClassAPs(ap: [], present: [], mean: nil), count: jobs.count)
        let allJobs = jobs
        runs.withUnsafeMutableBufferPointer { runs in
            let out = SharedBuffer(runs)
            parallelFor(allJobs.count) { j in out[j] = ranking.classAPs(allJobs[j].0, positives: allJobs[j].1) }
        }
        let before = runs[0]
        var main: [TIDEError: ClassAPs] = [:]
        for (i, type) in TIDEError.allCases.enumerated() { main[type] = runs[1 + i] }
        let falsePositive = runs[TIDEError.allCases.count + 1]
        let falseNegative = runs[TIDEError.allCases.count + 2]

        func values(_ ap: (ClassAPs) -> Double?) -> TIDEBreakdown.Values? {
            guard let base = ap(before) else { return nil }
            var gains: [TIDEError: Double] = [:]
            for (type, fixed) in main { gains[type] = Swift.max((ap(fixed) ?? 0) - base, 0) }
            return TIDEBreakdown.Values(
                ap: base, main: gains, falsePositive: (ap(falsePositive) ?? 0) - base,
                falseNegative: (ap(falseNegative) ?? 0) - base)
        }
        let overall = values { $0.mean } ?? TIDEBreakdown.Values(
            ap: 0, main: Dictionary(uniqueKeysWithValues: TIDEError.allCases.map { ($0, 0) }), falsePositive: 0,
            falseNegative: 0)
        let perClass = (0..<classCount).map { k in before.present[k] ? values { $0.ap[k] } : nil }
        var counts: [TIDEError: Int] = [:]
        for type in TIDEError.allCases { counts[type] = tally.errorCounts[Int(type.rawValue)] }
        return TIDEBreakdown(
            foreground: foreground, background: background, overall: overall, perClass: perClass, counts: counts)
    }
}
