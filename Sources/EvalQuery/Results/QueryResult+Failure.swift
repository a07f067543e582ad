extension QueryResult {
    /// Why a statement whose result is shown still fails in a script (exit 65), as `check` does
    /// when it finds errors (warnings alone do not); nil for every other result.
    public var failure: String? {
        guard case .check(let check) = self, check.errorCount > 0 else { return nil }
        return "check found \(check.errorCount) error(s) (listed above); warnings alone keep exit status 0"
    }
}
