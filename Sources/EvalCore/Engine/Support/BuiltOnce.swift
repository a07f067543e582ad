import Dispatch

/// A value built by the first thread that asks for it, once; a thread asking while it is being
/// built waits for it. What an `Evaluator` keeps of its indexes, so that loading or pulling an
/// evaluation returns before they are needed (and the shell, a journal's file digests).
public final class BuiltOnce<Value: Sendable>: @unchecked Sendable {
    private let queue = DispatchQueue(label: "evalsh.built-once")
    private var built: Value?
    private let build: @Sendable () -> Value

    public init(_ build: @escaping @Sendable () -> Value) {
        self.build = build
    }

    public var value: Value {
        queue.sync {
            if let built { return built }
            let value = build()
            built = value
            return value
        }
    }

    /// True once the value exists (a test's view of the laziness).
    public var isBuilt: Bool { queue.sync { built != nil } }
}
