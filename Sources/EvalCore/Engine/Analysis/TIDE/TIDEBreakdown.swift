/// TIDE's error breakdown (`tidecv` 1.0.1): how many AP points at IoU `foreground` each kind of
/// error costs, overall and per class, as TIDE prints them.
public struct TIDEBreakdown: Sendable {
    /// The numbers of one scope (all classes, or one class).
    public struct Values: Sendable, Equatable {
        /// TIDE's AP at the foreground threshold, in points (its own matching; mean over classes
        /// that have ground truth or predictions, a class without ground truth counting 0).
        public var ap: Double
        /// Per main error: the AP gained by fixing only errors of that type, never negative.
        public var main: [TIDEError: Double]
        /// The AP gained with every false positive ranked last (`FalsePos`).
        public var falsePositive: Double
        /// The AP gained with every missed object removed from the ground truth (`FalseNeg`).
        public var falseNegative: Double

        public init(ap: Double, main: [TIDEError: Double], falsePositive: Double, falseNegative: Double) {
            self.ap = ap
            self.main = main
            self.falsePositive = falsePositive
            self.falseNegative = falseNegative
        }
    }

    public var foreground: Double
    public var background: Double
    public var overall: Values
    /// Per class in label-map order; `nil` for a class with neither ground truth nor predictions
    /// (TIDE leaves it out). A class's values are its AP after each fix minus its AP before.
    public var perClass: [Values?]
    /// How many errors of each type TIDE found (ignored predictions included, as TIDE counts them).
    public var counts: [TIDEError: Int]

    public init(
        foreground: Double, background: Double, overall: Values, perClass: [Values?], counts: [TIDEError: Int]
    ) {
        self.foreground = foreground
        self.background = background
        self.overall = overall
        self.perClass = perClass
        self.counts = counts
    }
}
