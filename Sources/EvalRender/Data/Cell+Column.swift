import EvalQuery

extension Array where Element == [Cell] {
    /// The plain numbers (`.double` cells) of column `column`, for its shared decimals.
    func doubles(inColumn column: Int) -> [Double] {
        compactMap { row in
            guard column < row.count, case .double(let value) = row[column] else { return nil }
            return value
        }
    }
}
