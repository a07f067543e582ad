/// A cell of a generic table.
public enum Cell: Equatable, Sendable {
    case null
    case int(Int)
    case double(Double)
    /// A fraction in [0, 1] shown as a percentage in a terminal, as the number in data formats.
    case percent(Double)
    case string(String)
    case bool(Bool)
    /// A change between two evaluations (B − A), shown signed with an arrow and, in colour,
    /// green when it is an improvement and red when it is a regression, so that it reads with
    /// or without colour. `whole` values are counts. `higherIsBetter` is nil when the change has
    /// no direction (counts of two sides at different operating points): signed, no arrow.
    case change(Double, higherIsBetter: Bool?, whole: Bool)
}
