import EvalCore

/// One change a user made to an evaluation since it was loaded, pulled or pushed.
///
/// Edits are parameters, not data: an evaluation's current state is its base state with the
/// pending edits applied in order, so `undo` is "drop the last and re-apply".
public enum Edit: Equatable, Sendable {
    case operatingPoint(OperatingPoint)
    case setMetric(name: String, value: JSONValue)
    case unsetMetric(name: String)
    /// Images newly left out, by index in the evaluation's image list.
    case exclude(images: [Int])
    case include(images: [Int])
    case rename(classIndex: Int, name: String)
    /// Several changes made by one statement (`metric iou=0.6 note=x`), undone together.
    indirect case combined([Edit])
}
