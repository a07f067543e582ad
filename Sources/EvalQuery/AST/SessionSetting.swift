/// `set NAME VALUE`: a preference of the shell session.
public enum SessionSetting: Hashable, Sendable {
    case format(OutputFormat)
    case color(ColorMode)
    /// How many rows a table shows before it is cut.
    case rows(Int)
    case pager(Bool)
    /// Draw tables and charts with ASCII instead of box-drawing characters.
    case ascii(Bool)
    /// The folder where `show` finds image files.
    case images(directory: Name)
    /// Whether `assert` may read counts of a compared pair whose sides sit at different
    /// operating points (`set mixed-thresholds allow`); refused by default.
    case mixedThresholds(allow: Bool)
    /// Whether a script stops at its first failing statement (`set errors stop`, the default,
    /// as sqlite3's `.bail on` and psql's `ON_ERROR_STOP`) or runs the rest (`continue`).
    case errors(stop: Bool)
    /// Whether single records show as `key | value` lines (psql's `\x`): `set expanded on|off|auto`.
    case expanded(ExpandedMode)

    /// The setting names, as typed after `set`.
    public static let names = ["format", "color", "rows", "pager", "ascii", "images", "mixed-thresholds", "errors", "expanded"]
}

/// `set expanded`: when a wide single record (a one-row table, `show`'s header, a summary) is
/// shown as one `key | value` line per column, as psql's `\x` does.
public enum ExpandedMode: String, Hashable, Sendable, CaseIterable {
    /// Never: records are tables (the default).
    case off
    /// Always, for single records.
    case on
    /// When the record's table is wider than the terminal.
    case auto
}

public enum OutputFormat: String, Hashable, Sendable, CaseIterable {
    case table, csv, json, markdown
}

public enum ColorMode: String, Hashable, Sendable, CaseIterable {
    case auto, on, off
}
