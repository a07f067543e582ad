import EvalCore

/// `pr [CLASS]`: precision at COCO's 101 recall points, one or more series.
public struct CurveResult: Equatable, Sendable {
    public struct Series: Equatable, Sendable {
        public var name: String
        /// 101 precision values at recall 0, 0.01, …, 1.
        public var precision: [Double]
        public init(name: String, precision: [Double]) {
            self.name = name
            self.precision = precision
        }
    }

    public var title: String
    public var recall: [Double]
    public var series: [Series]
    /// The operating point's (recall, precision), marked on the chart.
    public var operatingPoint: (recall: Double, precision: Double)?

    public init(title: String, recall: [Double], series: [Series], operatingPoint: (recall: Double, precision: Double)?) {
        self.title = title
        self.recall = recall
        self.series = series
        self.operatingPoint = operatingPoint
    }

    public static func == (lhs: CurveResult, rhs: CurveResult) -> Bool {
        lhs.title == rhs.title && lhs.recall == rhs.recall && lhs.series == rhs.series
            && lhs.operatingPoint?.recall == rhs.operatingPoint?.recall
            && lhs.operatingPoint?.precision == rhs.operatingPoint?.precision
    }
}
