/// A row or column of the confusion matrix in `cell GT PRED`.
public enum ClassRef: Hashable, Sendable {
    /// A class by name (bare or quoted; a quoted `"none"` is a class called none).
    case name(Name)
    /// Bare `none`: the background row or column.
    case background
    /// A bare whole number: the 1-based row or column as the matrix shows it.
    case index(Int)
}
