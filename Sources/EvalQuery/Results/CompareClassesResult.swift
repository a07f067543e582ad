/// `compare A B classes [sort …]`: per class both sides hold, B's AP and F1 and the change of
/// each value from A, over the images both sides hold.
public struct CompareClassesResult: Equatable, Sendable {
    public struct Row: Equatable, Sendable {
        public var name: String
        /// B's AP; nil without boxes or without ground truth of the class.
        public var ap: Double?
        public var apChange: Double?
        public var ap50Change: Double?
        public var precisionChange: Double
        public var recallChange: Double
        /// B's F1.
        public var f1: Double
        public var f1Change: Double
        public var tpChange: Int
        public var fpChange: Int
        public var fnChange: Int

        public init(
            name: String, ap: Double?, apChange: Double?, ap50Change: Double?, precisionChange: Double,
            recallChange: Double, f1: Double, f1Change: Double, tpChange: Int, fpChange: Int, fnChange: Int
        ) {
            self.name = name
            self.ap = ap
            self.apChange = apChange
            self.ap50Change = ap50Change
            self.precisionChange = precisionChange
            self.recallChange = recallChange
            self.f1 = f1
            self.f1Change = f1Change
            self.tpChange = tpChange
            self.fpChange = fpChange
            self.fnChange = fnChange
        }
    }

    public var a: String
    public var b: String
    /// In the order asked for (A's class order without a sort).
    public var rows: [Row]
    /// The sides count at different operating points: changes other than AP have no direction.
    public var mixedPoints: Bool
    /// AP per class is missing on a side (a payload records only the overall statistics).
    public var lacksClassAP: Bool
    /// What the comparison left out or could not match (`ComparedPair.notes`).
    public var notes: [String]

    public init(a: String, b: String, rows: [Row], mixedPoints: Bool, lacksClassAP: Bool, notes: [String]) {
        self.a = a
        self.b = b
        self.rows = rows
        self.mixedPoints = mixedPoints
        self.lacksClassAP = lacksClassAP
        self.notes = notes
    }
}
