/// When a metric name can be typed bare in `metric NAME=VALUE` (`mAP@50`,
/// `metrics/mAP50-95(B)`) and when it must be quoted (`"run id"`), as the parser reads it.
public enum MetricNameSyntax {
    /// A letter or `_`, then no blank, control character, quote, backslash, `;` or `=`.
    public static func isBare(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { c in
            !c.isWhitespace && !c.isNewline && !"\"';=\\".contains(c) && !c.unicodeScalars.contains { $0.properties.generalCategory == .control }
        }
    }

    /// `name` as it must be typed: bare when it can be, else double-quoted.
    public static func typed(_ name: String) -> String {
        isBare(name) ? name : Name(name).quoted
    }
}
