import EvalCore

/// `split`: a horizontal bar per label.
public struct BarChartResult: Equatable, Sendable {
    public var title: String
    public var bars: [(label: String, value: Double)]

    public init(title: String, bars: [(label: String, value: Double)]) {
        self.title = title
        self.bars = bars
    }

    public static func == (lhs: BarChartResult, rhs: BarChartResult) -> Bool {
        lhs.title == rhs.title && lhs.bars.map(\.label) == rhs.bars.map(\.label)
            && lhs.bars.map(\.value) == rhs.bars.map(\.value)
    }
}
