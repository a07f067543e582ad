import EvalQuery

extension CheckResult {
    /// One row a finding: its severity, its JSON path and what is wrong.
    var table: ResultTable {
        ResultTable(
            title: "\(issues.count) problem(s): \(errorCount) error(s), \(issues.count - errorCount) warning(s)",
            columns: ["severity", "where", "problem"],
            rows: issues.map { [.string($0.severity.rawValue), .string($0.path), .string($0.message)] })
    }
}
