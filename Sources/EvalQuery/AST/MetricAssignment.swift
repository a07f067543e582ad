/// `metric [both|NAME] iou=0.5 confidence=0.3`: operating-point parameters to set.
public struct MetricAssignment: Hashable, Sendable {
    /// Which evaluations: nil for the current one, `both` or an evaluation name in a compare.
    public var target: Name?
    public var settings: [Setting]

    public init(target: Name? = nil, _ settings: [Setting]) {
        self.target = target
        self.settings = settings
    }

    /// One `NAME=VALUE`.
    public struct Setting: Hashable, Sendable {
        public var name: Name
        public var value: MetricValue

        public init(_ name: Name, _ value: MetricValue) {
            self.name = name
            self.value = value
        }
    }
}

/// The right side of `NAME=VALUE`.
public enum MetricValue: Hashable, Sendable {
    case number(Double)
    /// A quoted text.
    case string(String)
    /// A bare word such as `auto` or `0.5x`.
    case word(String)
}
