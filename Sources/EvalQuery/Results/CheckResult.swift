import EvalFormats

/// `check`: what the consistency rules of a payload found (none when it satisfies them all).
public struct CheckResult: Sendable, Equatable {
    public var evaluation: String
    public var issues: [PayloadIssue]

    public var errorCount: Int { issues.filter { $0.severity == .error }.count }
}
