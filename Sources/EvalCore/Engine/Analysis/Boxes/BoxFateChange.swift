/// A row whose fate differs between two box tables over the same ground truth (the boxes of
/// `compare A B boxes`).
public struct BoxFateChange: Equatable, Sendable {
    public var kind: BoxTable.Kind
    /// The annotation or prediction index both rows stand for.
    public var source: Int32
    /// The row in the first table, `nil` when it has none (a prediction below its threshold there,
    /// or an image excluded there).
    public var rowBefore: Int?
    public var rowAfter: Int?
    public var before: BoxTable.Fate?
    public var after: BoxTable.Fate?

    public init(
        kind: BoxTable.Kind, source: Int32, rowBefore: Int?, rowAfter: Int?, before: BoxTable.Fate?,
        after: BoxTable.Fate?
    ) {
        self.kind = kind
        self.source = source
        self.rowBefore = rowBefore
        self.rowAfter = rowAfter
        self.before = before
        self.after = after
    }
}

extension BoxTable {
    /// The rows whose fate changed from `before` to `after`: objects paired by annotation (the two
    /// tables must share their ground truth); predictions paired by index only when both tables
    /// come from the same predictions (two operating points of one evaluation), otherwise left out.
    /// Objects first, then predictions, each in annotation or prediction order.
    public static func fateChanges(
        from before: BoxTable, to after: BoxTable, annotationCount: Int, predictionCount: Int?
    ) -> [BoxFateChange] {
        var changes: [BoxFateChange] = []
        for (kind, count) in [(Kind.groundTruth, annotationCount), (Kind.prediction, predictionCount ?? 0)] {
            let rowsBefore = before.rowIndex(of: kind, count: count)
            let rowsAfter = after.rowIndex(of: kind, count: count)
            for source in 0..<count {
                let a = rowsBefore[source], b = rowsAfter[source]
                let fateA = a.map { before.fate[$0] }, fateB = b.map { after.fate[$0] }
                guard fateA != fateB else { continue }
                changes.append(
                    BoxFateChange(
                        kind: kind, source: Int32(source), rowBefore: a, rowAfter: b, before: fateA, after: fateB))
            }
        }
        return changes
    }

    /// Per annotation or prediction index, its row of `kind`, if any.
    private func rowIndex(of kind: Kind, count: Int) -> [Int?] {
        var rows = [Int?](repeating: nil, count: count)
        for r in 0..<self.count where self.kind[r] == kind && Int(source[r]) < count { rows[Int(source[r])] = r }
        return rows
    }
}
