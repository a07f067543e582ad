import EvalCore

/// `evals`: the loaded evaluations, in the order they were loaded.
public struct EvaluationListResult: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var isCurrent: Bool
        /// True when boxes are loaded; false for a Picsellia payload (counts only).
        public var hasBoxes: Bool
        public var images: Int
        public var classes: Int
        public var point: OperatingPoint
        public var pendingEdits: Int
        /// Where it came from: files, a payload, a store or Picsellia target.
        public var origin: String
        /// Where `push` with no target sends it.
        public var pushTarget: String
    }

    public var entries: [Entry]
}
