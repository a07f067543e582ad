import EvalCore

/// `metrics`: the metrics an evaluation carries (the payload's `metrics` object), in order.
public struct MetricListResult: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var value: JSONValue
    }

    public var evaluation: String
    public var metrics: [Entry]
}
