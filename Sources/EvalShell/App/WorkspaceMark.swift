import EvalQuery

/// What a statement may change in the workspace, noted before it runs, so that a statement
/// interrupted with Ctrl-C can be taken back: the evaluations it loaded or pulled are dropped
/// and the edit it made is undone.
struct WorkspaceMark {
    private let evaluations: [ObjectIdentifier]
    private let current: EvaluationSession?
    private let pendingCount: Int

    init(_ workspace: Workspace) {
        evaluations = workspace.evaluations.map(ObjectIdentifier.init)
        current = workspace.current
        pendingCount = workspace.current?.pending.count ?? 0
    }

    /// The current evaluation when the statement made a new one current (a load, a pull).
    func newCurrent(_ workspace: Workspace) -> EvaluationSession? {
        guard let session = workspace.current, !evaluations.contains(ObjectIdentifier(session)) else { return nil }
        return session
    }

    func rollBack(_ workspace: Workspace) {
        let known = Set(evaluations)
        for session in workspace.evaluations where !known.contains(ObjectIdentifier(session)) {
            workspace.drop(session)
        }
        if let current, workspace.current !== current { workspace.use(current) }
        if let current {
            while current.pending.count > pendingCount, current.undo() != nil {}
        }
    }
}
