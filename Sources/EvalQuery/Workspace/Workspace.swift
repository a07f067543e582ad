/// The loaded evaluations and the session's settings: everything statements read and change.
///
/// A failed statement leaves it as it was: the executor validates everything before it mutates.
public final class Workspace {
    public private(set) var evaluations: [EvaluationSession] = []
    /// The evaluation statements apply to (`use NAME` changes it).
    public private(set) var currentIndex: Int?
    public var settings = Settings()
    /// The pair named by the last `compare A B`, whose fields `A.X`, `B.X`, `delta.X` resolve.
    public var comparison: (a: String, b: String)?

    public init() {}

    public var current: EvaluationSession? { currentIndex.map { evaluations[$0] } }

    public func evaluation(named name: String) -> EvaluationSession? {
        evaluations.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Adds an evaluation and makes it current; the name must be free (see `freeName`).
    public func add(_ session: EvaluationSession) {
        evaluations.append(session)
        currentIndex = evaluations.count - 1
    }

    public func use(_ session: EvaluationSession) {
        currentIndex = evaluations.firstIndex { $0 === session }
    }

    public func drop(_ session: EvaluationSession) {
        guard let i = evaluations.firstIndex(where: { $0 === session }) else { return }
        evaluations.remove(at: i)
        if evaluations.isEmpty {
            currentIndex = nil
        } else if let c = currentIndex {
            currentIndex = c == i ? evaluations.count - 1 : (c > i ? c - 1 : c)
        }
        if let pair = comparison, pair.a.lowercased() == session.name.lowercased() || pair.b.lowercased() == session.name.lowercased() {
            comparison = nil
        }
    }

    /// `base` if no evaluation has that name, else `base2`, `base3`, …
    public func freeName(_ base: String) -> String {
        if evaluation(named: base) == nil { return base }
        var n = 2
        while evaluation(named: "\(base)\(n)") != nil { n += 1 }
        return "\(base)\(n)"
    }

    /// Evaluations with edits not yet pushed.
    public var unsaved: [EvaluationSession] { evaluations.filter { !$0.pending.isEmpty } }
}
