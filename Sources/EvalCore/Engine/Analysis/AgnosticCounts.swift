/// The class-agnostic reading of an operating point (the `matrix agnostic` view): objects found by
/// a prediction of any class, objects missed, and predictions on background.
///
/// Read off the confusion matrix: `found` is every cell with an object and a prediction (the
/// diagonal and the confusions), `missed` the `[class][none]` cells, `background` the
/// `[none][class]` cells. As a 2×2 matrix, rows object/background and columns
/// prediction/none: `[[found, missed], [background, 0]]`.
public struct AgnosticCounts: Equatable, Sendable {
    public var found: Int
    public var missed: Int
    public var background: Int

    public init(found: Int, missed: Int, background: Int) {
        self.found = found
        self.missed = missed
        self.background = background
    }

    public init(_ result: OperatingPointResult) {
        let n = result.classCount
        var found = 0, missed = 0, background = 0
        for row in 0..<n {
            for column in 0..<n { found += result.confusion[row][column] }
            missed += result.confusion[row][n]
            background += result.confusion[n][row]
        }
        self.init(found: found, missed: missed, background: background)
    }

    /// Found ÷ (found + background): precision when any class counts; 0 without predictions.
    public var precision: Double { found + background == 0 ? 0 : Double(found) / Double(found + background) }
    /// Found ÷ (found + missed): recall when any class counts; 0 without objects.
    public var recall: Double { found + missed == 0 ? 0 : Double(found) / Double(found + missed) }

    /// `[[found, missed], [background, 0]]`: rows object/background, columns prediction/none.
    public var matrix: [[Int]] { [[found, missed], [background, 0]] }
}
