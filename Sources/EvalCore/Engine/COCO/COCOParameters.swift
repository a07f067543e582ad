/// pycocotools' default bbox parameters (`Params.setDetParams`), built with the same arithmetic.
enum COCOParameters {
    /// `np.linspace(.5, 0.95, 10)`: `i * step + start`, the last point set to `stop`.
    static let iouThresholds = linspace(0.5, 0.95, count: 10)
    /// `np.linspace(.0, 1.00, 101)`.
    static let recallThresholds = linspace(0.0, 1.0, count: 101)
    static let maxDetections = [1, 10, 100]
    /// all, small, medium, large; bounds are inclusive (`area < lo or area > hi` is outside).
    static let areaRanges: [(lower: Double, upper: Double)] = [
        (0, 1e10), (0, 32 * 32), (32 * 32, 96 * 96), (96 * 96, 1e10),
    ]

    static var t: Int { iouThresholds.count }
    static var r: Int { recallThresholds.count }
    static var a: Int { areaRanges.count }
    static var m: Int { maxDetections.count }

    /// NumPy's `linspace` with `endpoint=True`: `arange(num) * step + start`, then `y[-1] = stop`.
    static func linspace(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        let step = (stop - start) / Double(count - 1)
        var values = (0..<count).map { Double($0) * step + start }
        values[count - 1] = stop
        return values
    }

    /// The index of the threshold equal to `value`, found with `==` as `summarize` does
    /// (`np.where(iouThr == p.iouThrs)`); nil makes the statistic −1, as in pycocotools.
    static func iouIndex(of value: Double) -> Int? {
        iouThresholds.firstIndex(of: value)
    }
}
