/// `compare A B matrix`: both sides' confusion matrices over the images they share, on the
/// classes of either side (A's first), and their difference B − A.
public struct CompareMatrixResult: Equatable, Sendable {
    public var a: String
    public var b: String
    /// The classes of both matrices; the last row and column (background) are not named here.
    public var labels: [String]
    /// `(n+1)×(n+1)`, rows ground truth, columns predictions; a class a side lacks counts 0 there.
    public var countsA: [[Int]]
    public var countsB: [[Int]]
    /// The sides count at different operating points: the changes have no direction.
    public var mixedPoints: Bool
    /// What the comparison left out or could not match (`ComparedPair.notes`).
    public var notes: [String]

    public init(a: String, b: String, labels: [String], countsA: [[Int]], countsB: [[Int]], mixedPoints: Bool, notes: [String]) {
        self.a = a
        self.b = b
        self.labels = labels
        self.countsA = countsA
        self.countsB = countsB
        self.mixedPoints = mixedPoints
        self.notes = notes
    }

    /// B − A, cell by cell.
    public var difference: [[Int]] { zip(countsA, countsB).map { zip($0, $1).map { $1 - $0 } } }
}
