import EvalCore

/// The editable parameters of an evaluation: what the pending edits change.
public struct EvaluationState: Equatable, Sendable {
    public var point: OperatingPoint
    public var metrics: [(key: String, value: JSONValue)]
    /// Indices of images left out of every number.
    public var excluded: Set<Int>
    /// Class names in label-map order (renames change them).
    public var labels: [String]

    public init(point: OperatingPoint, metrics: [(key: String, value: JSONValue)], excluded: Set<Int>, labels: [String]) {
        self.point = point
        self.metrics = metrics
        self.excluded = excluded
        self.labels = labels
    }

    public static func == (lhs: EvaluationState, rhs: EvaluationState) -> Bool {
        lhs.point == rhs.point && lhs.excluded == rhs.excluded && lhs.labels == rhs.labels
            && JSONValue.object(lhs.metrics) == JSONValue.object(rhs.metrics)
    }

    /// The state after `edit`.
    public func applying(_ edit: Edit) -> EvaluationState {
        var next = self
        switch edit {
        case .operatingPoint(let point):
            next.point = point
            next.setMetric("iou", .number(point.iou))
            next.setMetric("confidence", .number(point.confidence))
        case .setMetric(let name, let value):
            next.setMetric(name, value)
        case .unsetMetric(let name):
            next.metrics.removeAll { $0.key == name }
        case .exclude(let images):
            next.excluded.formUnion(images)
        case .include(let images):
            next.excluded.subtract(images)
        case .rename(let index, let name):
            next.labels[index] = name
        case .combined(let edits):
            next = edits.reduce(next) { $0.applying($1) }
        }
        return next
    }

    mutating func setMetric(_ name: String, _ value: JSONValue) {
        if let i = metrics.firstIndex(where: { $0.key == name }) {
            metrics[i].value = value
        } else {
            metrics.append((name, value))
        }
    }

    /// The mask the engines take: true for images that count.
    public func imageMask(count: Int) -> [Bool]? {
        if excluded.isEmpty { return nil }
        var mask = [Bool](repeating: true, count: count)
        for i in excluded where i < count { mask[i] = false }
        return mask
    }
}
