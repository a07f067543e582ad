/// A titled table of rows; `truncated` counts rows left out by a `limit`.
public struct ResultTable: Equatable, Sendable {
    public var title: String?
    public var columns: [String]
    public var rows: [[Cell]]
    public var notes: [String]
    /// Whether the numbers of a column share its decimals so that their points line up
    /// (`0.4370` above `0.4248`); off where each value is shown as it was given (`metrics`).
    public var alignsDecimals: Bool

    public init(title: String? = nil, columns: [String], rows: [[Cell]], notes: [String] = [], alignsDecimals: Bool = true) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.alignsDecimals = alignsDecimals
    }
}
