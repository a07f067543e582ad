/// `boxes [where PREDICATE] [sort FIELD [asc|desc]] [limit N]`, alone or after the images of a
/// `cell` or a `where` (`cell car bus boxes where kind = pred`): one row per object and kept
/// prediction of those images.
public struct BoxQuery: Hashable, Sendable {
    /// The images whose boxes are listed.
    public enum Scope: Hashable, Sendable {
        /// Every included image.
        case all
        /// `cell GT PRED [where …] [sort …] [limit N] boxes …`: the images behind a matrix cell.
        case cell(groundTruth: ClassRef, prediction: ClassRef, ImageQuery)
        /// `where PREDICATE [sort …] [limit N] boxes …`: the images matching an image predicate.
        case images(ImageQuery)
    }

    public var scope: Scope
    /// The box clauses: a predicate on box fields, a sort key and a limit.
    public var query: ImageQuery

    public init(scope: Scope = .all, _ query: ImageQuery = .all) {
        self.scope = scope
        self.query = query
    }

    /// The fields of a box predicate or sort key.
    public static let fields: [String] = [
        "image", "kind", "class", "score", "x", "y", "w", "h", "area", "range", "iou", "match", "fate", "error",
    ]
}
