/// evalsh's version, shown by the banner, `--version` and the `version` statement.
public enum EvalshVersion {
    public static let current = "0.1.0"
}
