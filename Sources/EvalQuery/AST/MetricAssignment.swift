/// `metric [both|NAME] iou=0.5 confidence=0.3 "mAP@50"=0.4 note="v2"`: the operating point and
/// `metrics` entries to set.
public struct MetricAssignment: Hashable, Sendable {
    /// Which evaluations: nil for the current one, `both` or an evaluation name in a compare.
    public var target: Name?
    public var settings: [Setting]

    public init(target: Name? = nil, _ settings: [Setting]) {
        self.target = target
        self.settings = settings
    }

    /// One `NAME=VALUE`.
    ///
    /// Equal when name and value are: where the value was written does not count.
    public struct Setting: Hashable, Sendable {
        public var name: Name
        public var value: MetricValue
        /// Where the value was written, for a caret under a value the executor refuses.
        public var valueRange: SourceRange?

        public init(_ name: Name, _ value: MetricValue, valueRange: SourceRange? = nil) {
            self.name = name
            self.value = value
            self.valueRange = valueRange
        }

        public static func == (lhs: Setting, rhs: Setting) -> Bool {
            lhs.name == rhs.name && lhs.value == rhs.value
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(name)
            hasher.combine(value)
        }
    }
}

/// The right side of `NAME=VALUE`, of the kind it was typed as.
public enum MetricValue: Hashable, Sendable {
    /// A number typed with a fraction or an exponent (`0.5`, `1.0`, `2e-3`).
    case number(Double)
    /// A number typed whole (`1`, `-3`): stored and shown without a fraction.
    case integer(Int)
    /// A quoted text.
    case string(String)
    /// Bare `true` or `false`.
    case bool(Bool)
    /// Any other bare word, such as `best` or `0.5x`.
    case word(String)
}

extension MetricValue {
    /// The value as a number, for `iou` and `confidence`.
    public var number: Double? {
        switch self {
        case .number(let v): return v
        case .integer(let i): return Double(i)
        case .string, .bool, .word: return nil
        }
    }

    /// The value as the user would read it in a message: `0.5`, `"v2"`, `best`.
    public var typed: String {
        switch self {
        case .number(let v): return "\(v)"
        case .integer(let i): return String(i)
        case .string(let s): return Name(s).quoted
        case .bool(let b): return String(b)
        case .word(let w): return "'\(w)'"
        }
    }
}
