/// How results are shown: what `set …`, `output` and `timing` change. The executor keeps them;
/// the shell reads them when it prints.
public struct Settings: Equatable, Sendable {
    public var format: OutputFormat = .table
    public var color: ColorMode = .auto
    /// Rows shown in a terminal table before "… N more rows"; never applies to csv/json.
    /// 0 (`set rows 0`, `set rows all`) shows every row.
    public var rows: Int = 40
    public var pager = true
    public var ascii = false
    public var timing = false
    /// A folder holding the images, for `show … svg`.
    public var imagesDirectory: String?
    /// Where results go instead of standard output (`output FILE`).
    public var outputPath: String?
    /// `set mixed-thresholds allow`: an assertion may read point-dependent values (counts,
    /// precision, recall, F1) of a compared pair whose sides sit at different operating points.
    /// Off by default: such a gate fails saying why.
    public var allowsMixedThresholds = false
    /// `set errors continue`: a script runs on after a failing statement (its exit status is
    /// still the first failure's); by default it stops there.
    public var stopsOnError = true
    /// `set expanded`: single records as `key | value` lines; off by default.
    public var expanded: ExpandedMode = .off

    public init() {}

    /// The most rows a terminal table shows; nil when `rows` is 0 (no limit).
    public var rowLimit: Int? { rows > 0 ? rows : nil }
}
