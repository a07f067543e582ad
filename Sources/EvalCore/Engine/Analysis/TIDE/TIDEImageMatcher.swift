/// TIDE's own matching of one image and the error of each false prediction (`tidecv`'s
/// `TIDEExample` and `TIDERun._eval_image`), independent of the operating point.
///
/// The image's predictions by descending score (stable), cut to `maxDetections`; each takes the
/// unmatched non-crowd object of its class with the highest IoU (the first on equal IoU) if that
/// IoU is `≥ foreground`. A prediction left over whose crowd IoU with a crowd region of its class
/// is `> foreground` is ignored (left out of AP, but still given an error as TIDE does).
/// A `cls` or `loc` error pointing at an unmatched object makes it "usable": the first such
/// prediction (the highest score) is the one a fix turns into a true positive.
struct TIDEImageMatcher {
    let groundTruth: GroundTruth
    let detections: Detections
    let grouping: ImageGrouping
    let classifier: TIDEClassifier
    let maxDetections: Int

    /// What became of a prediction in TIDE's run.
    enum State: UInt8 {
        case notEvaluated = 0, truePositive, falsePositive, ignored
    }

    /// Outputs by prediction index; each image writes its own predictions only.
    struct Output {
        let state: SharedBuffer<State>
        /// `TIDEError.rawValue`, or `noError`.
        let error: SharedBuffer<UInt8>
        /// The class whose AP gains a true positive when the prediction's `cls`/`loc` error is
        /// fixed; −1 when a fix only removes the false positive.
        let fixClass: SharedBuffer<Int32>
    }

    static let noError: UInt8 = .max

    /// Per-class tallies of one chunk of images.
    struct Tally {
        var positives: [Int]
        var missed: [Int]
        var unmatched: [Int]
        var errorCounts = [Int](repeating: 0, count: TIDEError.allCases.count)

        init(classCount: Int) {
            positives = [Int](repeating: 0, count: classCount)
            missed = positives
            unmatched = positives
        }

        mutating func add(_ other: Tally) {
            for k in positives.indices {
                positives[k] += other.positives[k]
                missed[k] += other.missed[k]
                unmatched[k] += other.unmatched[k]
            }
            for e in errorCounts.indices { errorCounts[e] += other.errorCounts[e] }
        }
    }

    private var objects: [Int32] = []
    private var objectClass: [Int32] = []
    private var crowds: [Int32] = []
    private var ious: [Double] = []
    private var matched: [Bool] = []
    private var usable: [Bool] = []
    private var bestScore: [Double] = []
    private var best: [Int32] = []
    /// Per prediction of the image: the unmatched object its `cls`/`loc` error points at, or −1.
    private var pointed: [Int] = []

    init(
        groundTruth: GroundTruth, detections: Detections, grouping: ImageGrouping, classifier: TIDEClassifier,
        maxDetections: Int
    ) {
        self.groundTruth = groundTruth
        self.detections = detections
        self.grouping = grouping
        self.classifier = classifier
        self.maxDetections = maxDetections
    }

    mutating func run(image: Int, into out: Output, tally: inout Tally) {
        let annotations = groundTruth.annotations
        objects.removeAll(keepingCapacity: true)
        objectClass.removeAll(keepingCapacity: true)
        crowds.removeAll(keepingCapacity: true)
        for a in grouping.groundTruth(of: image) {
            if annotations.isCrowd[Int(a)] {
                crowds.append(a)
            } else {
                objects.append(a)
                objectClass.append(annotations.category[Int(a)])
                tally.positives[Int(annotations.category[Int(a)])] += 1
            }
        }
        let g = objects.count
        let predictions = grouping.detections(of: image).prefix(maxDetections)
        let p = predictions.count
        matched = [Bool](repeating: false, count: g)
        usable = matched
        bestScore = [Double](repeating: -1, count: g)
        best = [Int32](repeating: -1, count: g)
        pointed = [Int](repeating: -1, count: p)
        ious.removeAll(keepingCapacity: true)
        for d in predictions {
            let d = Int(d)
            for a in objects {
                let a = Int(a)
                ious.append(boxIoU(prediction: d, of: detections, object: a, of: annotations, crowd: false))
            }
        }

        // Matching, in score order.
        for (k, d) in predictions.enumerated() {
            let c = detections.category[Int(d)]
            var found = 0
            var value = g > 0 && objectClass[0] == c && !matched[0] ? ious[k * g] : 0
            for j in 1..<max(g, 1) where objectClass[j] == c && !matched[j] && ious[k * g + j] > value {
                found = j
                value = ious[k * g + j]
            }
            if g > 0 && value >= classifier.foreground {
                matched[found] = true
                out.state[Int(d)] = .truePositive
            } else {
                out.state[Int(d)] = ignoredByCrowd(Int(d), category: c) ? .ignored : .falsePositive
            }
        }

        // Errors of the false (and ignored) predictions.
        ious.withUnsafeBufferPointer { ious in
            objectClass.withUnsafeBufferPointer { classes in
                matched.withUnsafeBufferPointer { matched in
                    for (k, d) in predictions.enumerated() where out.state[Int(d)] != .truePositive {
                        let row = UnsafeBufferPointer(rebasing: ious[(k * g)..<(k * g + g)])
                        let c = detections.category[Int(d)]
                        let (error, object) = classifier.classify(ious: row, classes: classes, matched: matched, category: c)
                        out.error[Int(d)] = error.rawValue
                        tally.errorCounts[Int(error.rawValue)] += 1
                        if (error == .cls || error == .loc) && !matched[object] {
                            pointed[k] = object
                            usable[object] = true
                            let score = detections.score[Int(d)]
                            if bestScore[object] < score {
                                bestScore[object] = score
                                best[object] = d
                            }
                        }
                    }
                }
            }
        }
        for (k, d) in predictions.enumerated() where pointed[k] >= 0 && best[pointed[k]] == d {
            let c = detections.category[Int(d)]
            out.fixClass[Int(d)] = out.error[Int(d)] == TIDEError.cls.rawValue ? objectClass[pointed[k]] : c
        }
        for j in 0..<g where !matched[j] {
            let k = Int(objectClass[j])
            tally.unmatched[k] += 1
            if !usable[j] {
                tally.missed[k] += 1
                tally.errorCounts[Int(TIDEError.miss.rawValue)] += 1
            }
        }
    }

    /// Whether a crowd region of the prediction's class covers it: crowd IoU `> foreground`.
    private func ignoredByCrowd(_ d: Int, category: Int32) -> Bool {
        let annotations = groundTruth.annotations
        for a in crowds where annotations.category[Int(a)] == category {
            let a = Int(a)
            let iou = boxIoU(prediction: d, of: detections, object: a, of: annotations, crowd: true)
            if iou > classifier.foreground { return true }
        }
        return false
    }
}
