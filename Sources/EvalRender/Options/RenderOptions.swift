import EvalQuery

/// How to render a result. `color`, `ascii`, `width` and `maxRows` concern terminal views only:
/// CSV, JSON and Markdown are data and always complete.
public struct RenderOptions: Equatable, Sendable {
    public var format: OutputFormat
    public var color: Bool
    public var ascii: Bool
    /// The widest a line may be, in display columns; views are laid out for at least 40.
    public var width: Int
    /// The most rows a terminal table shows; nil shows every row.
    public var maxRows: Int?
    /// The terminal's height in lines when known: drawings (`show`'s canvas) stay within it.
    public var height: Int?
    /// `set expanded`: single records as `key │ value` lines (`ExpandedRecordView`).
    public var expanded: ExpandedMode = .off

    public init(format: OutputFormat = .table, color: Bool = false, ascii: Bool = false, width: Int = 100, maxRows: Int? = 50, height: Int? = nil) {
        self.format = format
        self.color = color
        self.ascii = ascii
        self.width = max(RenderOptions.minimumWidth, width)
        self.maxRows = maxRows
        self.height = height
    }

    public static let minimumWidth = 40

    var glyphs: Glyphs { Glyphs.forASCII(ascii) }
}
