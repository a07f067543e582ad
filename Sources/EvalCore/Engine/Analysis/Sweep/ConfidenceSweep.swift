/// Precision, recall and F1 against the confidence threshold at one IoU threshold (the `sweep`
/// view), exact at every distinct score: the counts at threshold `t` are those of
/// `operatingPoint(OperatingPoint(iou: iou, confidence: t))`.
public struct ConfidenceSweep: Sendable {
    /// One threshold and the totals of the operating point there.
    public struct Point: Equatable, Sendable {
        public var confidence: Double
        public var truePositives: Int
        public var falsePositives: Int
        public var falseNegatives: Int

        public init(confidence: Double, truePositives: Int, falsePositives: Int, falseNegatives: Int) {
            self.confidence = confidence
            self.truePositives = truePositives
            self.falsePositives = falsePositives
            self.falseNegatives = falseNegatives
        }

        /// TP ÷ (TP + FP); 0 without predictions.
        public var precision: Double {
            truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        /// TP ÷ (TP + FN); 0 without objects.
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        /// 2·TP ÷ (2·TP + FP + FN); 0 when all three are 0.
        public var f1: Double {
            let denominator = 2 * truePositives + falsePositives + falseNegatives
            return denominator == 0 ? 0 : Double(2 * truePositives) / Double(denominator)
        }
    }

    /// One curve, in columns, by descending confidence: one point per distinct score.
    public struct Curve: Sendable {
        public var confidence: [Double] = []
        /// Cumulative true positives at each threshold.
        public var truePositives: [Int32] = []
        /// Cumulative counted predictions (TP + FP) at each threshold.
        public var predictions: [Int32] = []
        /// The objects to find (non-crowd ground truth of the included images).
        public var objects: Int

        public init(objects: Int) {
            self.objects = objects
        }

        public var count: Int { confidence.count }

        public func point(_ i: Int) -> Point {
            let tp = Int(truePositives[i])
            return Point(
                confidence: confidence[i], truePositives: tp, falsePositives: Int(predictions[i]) - tp,
                falseNegatives: objects - tp)
        }

        /// The threshold of the highest F1 (the highest such threshold when several tie); `nil`
        /// without predictions.
        public var best: Point? {
            var best: Point?
            for i in 0..<count {
                let p = point(i)
                if best == nil || p.f1 > best!.f1 { best = p }
            }
            return best
        }

        mutating func append(confidence: Double, truePositives: Int, predictions: Int) {
            self.confidence.append(confidence)
            self.truePositives.append(Int32(truePositives))
            self.predictions.append(Int32(predictions))
        }
    }

    public var iou: Double
    /// All classes together (totals over classes and images).
    public var overall: Curve
    /// Per class in label-map order (an empty curve for a class without predictions).
    public var perClass: [Curve]

    public init(iou: Double, overall: Curve, perClass: [Curve]) {
        self.iou = iou
        self.overall = overall
        self.perClass = perClass
    }
}
