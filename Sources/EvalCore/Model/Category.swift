/// One entry of a label map: the dataset's category id and its display name.
///
/// The label map's order is the order of `categories` in the ground-truth file (or of
/// `categories`/`labels` in a Picsellia payload); every per-class array in evalsh follows it.
public struct Category: Equatable, Hashable, Sendable {
    public var id: Int
    public var name: String

    public init(id: Int, name: String) {
        self.id = id
        self.name = name
    }
}
