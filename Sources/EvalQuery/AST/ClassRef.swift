/// A row or column of the confusion matrix in `cell GT PRED`.
public enum ClassRef: Hashable, Sendable {
    /// A class by name (bare or quoted; a quoted `"none"` is a class called none).
    case name(Name)
    /// Bare `none`: the background row or column.
    case background
    /// A bare whole number: the 1-based row or column as the matrix shows it, with where it
    /// was written so that an out-of-range number gets the caret.
    case index(Int, at: SourceRange? = nil)

    /// Equality and hashing ignore where a number was written, as `Name`'s do.
    public static func == (lhs: ClassRef, rhs: ClassRef) -> Bool {
        switch (lhs, rhs) {
        case (.name(let a), .name(let b)): return a == b
        case (.background, .background): return true
        case (.index(let a, _), .index(let b, _)): return a == b
        default: return false
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .name(let name): hasher.combine(0); hasher.combine(name)
        case .background: hasher.combine(1)
        case .index(let index, _): hasher.combine(2); hasher.combine(index)
        }
    }
}
