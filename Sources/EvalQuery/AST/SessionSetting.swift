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

    /// The setting names, as typed after `set`.
    public static let names = ["format", "color", "rows", "pager", "ascii", "images", "mixed-thresholds", "errors"]
}

public enum OutputFormat: String, Hashable, Sendable, CaseIterable {
    case table, csv, json, markdown
}

public enum ColorMode: String, Hashable, Sendable, CaseIterable {
    case auto, on, off
}
