import EvalFormats
import EvalQuery

/// `check`'s verdict for a script: errors in its table fail the statement (exit 65, as a
/// malformed statement does), warnings alone do not. The table is printed either way.
enum CheckOutcome {
    /// The failure to report after `results` of `statement` were printed; nil when none.
    static func failure(of statement: Statement, results: [QueryResult]) -> String? {
        guard case .check = statement else { return nil }
        let errors = results.reduce(0) { count, result in
            guard case .table(let table) = result else { return count }
            return count + table.rows.filter { $0.first == .string(PayloadIssue.Severity.error.rawValue) }.count
        }
        return errors == 0 ? nil : "error: check found \(errors) error(s) (listed above); warnings alone keep exit status 0"
    }
}
