/// One class's COCO statistics, each pycocotools' `_summarize` applied to that class's slice of
/// `precision[t][r][k][a][m]` or `recall[t][k][a][m]`: the mean of the slice's entries > −1, nil
/// where it has none (the class has no ground truth in that area range, so pycocotools' mean over
/// the slice would be −1, not zero).
public struct COCOClassStatistics: Equatable, Sendable {
    /// AP over IoU 0.50:0.95, area all, 100 detections.
    public var ap: Double?
    public var ap50: Double?
    public var ap75: Double?
    /// AP over IoU 0.50:0.95 for small (area < 32²), medium and large (area > 96²) objects.
    public var apSmall: Double?
    public var apMedium: Double?
    public var apLarge: Double?
    /// Recall over IoU 0.50:0.95, area all, 100 detections.
    public var ar100: Double?

    public init(
        ap: Double?, ap50: Double?, ap75: Double?, apSmall: Double?, apMedium: Double?, apLarge: Double?,
        ar100: Double?
    ) {
        self.ap = ap
        self.ap50 = ap50
        self.ap75 = ap75
        self.apSmall = apSmall
        self.apMedium = apMedium
        self.apLarge = apLarge
        self.ar100 = ar100
    }
}

extension COCOMetrics {
    /// The statistics of class `classIndex` (label-map order), summed in NumPy's order over the
    /// slice laid out as pycocotools lays it out (`[t][r]` for precision), so bit-identical.
    public func perClass(_ classIndex: Int) -> COCOClassStatistics {
        precondition(classIndex >= 0 && classIndex < shape.k, "class \(classIndex) out of 0..<\(shape.k)")
        let maxDet100 = COCOParameters.maxDetections.firstIndex(of: 100) ?? shape.m - 1
        let allThresholds = Array(0..<shape.t)
        func thresholds(_ iou: Double) -> [Int] { COCOParameters.iouIndex(of: iou).map { [$0] } ?? [] }

        func precisionMean(_ ts: [Int], area: Int) -> Double? {
            var values: [Double] = []
            values.reserveCapacity(ts.count * shape.r)
            for t in ts {
                for r in 0..<shape.r {
                    values.append(precision[(((t * shape.r + r) * shape.k + classIndex) * shape.a + area) * shape.m + maxDet100])
                }
            }
            return Self.meanOrNil(values)
        }
        let recalls = allThresholds.map { t in recall[((t * shape.k + classIndex) * shape.a + 0) * shape.m + maxDet100] }
        return COCOClassStatistics(
            ap: precisionMean(allThresholds, area: 0), ap50: precisionMean(thresholds(0.5), area: 0),
            ap75: precisionMean(thresholds(0.75), area: 0), apSmall: precisionMean(allThresholds, area: 1),
            apMedium: precisionMean(allThresholds, area: 2), apLarge: precisionMean(allThresholds, area: 3),
            ar100: Self.meanOrNil(recalls))
    }

    private static func meanOrNil(_ values: [Double]) -> Double? {
        let mean = COCOSummary.meanAboveMinusOne(values)
        return values.contains { $0 > -1 } ? mean : nil
    }
}
