/// A named value in a predicate, an assertion or a sort key: `FN`, `FN[car]`, `recall.car`,
/// `A.AP50`, `cand.FN[car]`, `delta.FN.pedestrian`. The parser only records the parts; the
/// executor decides what the name and the qualifier designate.
///
/// `x.y` without brackets is read as qualifier `x`, name `y` when `y` is one of
/// `Reference.knownNames` (`A.AP50`, `delta.FN`), otherwise as name `x`, class `y`
/// (`recall.car`). Brackets always hold a class: `cand.FN[car]`.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
    /// An evaluation name, or `delta` in a compare.
    public var qualifier: Name?
    public var name: Name
    public var className: Name?
    /// The whole reference in the source; nil when built in code. Not part of equality.
    public var range: SourceRange?

    public init(qualifier: Name? = nil, _ name: Name, className: Name? = nil, range: SourceRange? = nil) {
        self.qualifier = qualifier
        self.name = name
        self.className = className
        self.range = range
    }

    public static func == (lhs: Reference, rhs: Reference) -> Bool {
        lhs.qualifier == rhs.qualifier && lhs.name == rhs.name && lhs.className == rhs.className
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(qualifier)
        hasher.combine(name)
        hasher.combine(className)
    }

    /// Counts per image (`TP FP FN objects preds`), the filename, the COCO statistics and the
    /// operating point's rates: the names a `.`-suffix is read against.
    public static let knownNames: [String] = [
        "TP", "FP", "FN", "objects", "preds", "filename",
        "AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl",
        "precision", "recall", "F1",
    ]

    /// The fields of an image predicate (`where`, `images`, `cell`, `exclude where`).
    public static let imageFields: [String] = ["TP", "FP", "FN", "objects", "preds", "filename"]

    static func isKnownName(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return knownNames.contains { $0.lowercased() == lowered }
    }

    public var description: String {
        var s = qualifier.map { "\($0.quotedIfNeeded)." } ?? ""
        s += name.quotedIfNeeded
        if let className { s += "[\(className.quotedIfNeeded)]" }
        return s
    }
}
