import EvalQuery

extension VersionHistoryResult {
    var table: ResultTable {
        ResultTable(
            title: "versions of store:\(experiment) (pull store:\(experiment)@N)", columns: StoredVersionEntry.columns,
            rows: versions.map(\.row), notes: versions.isEmpty ? ["no versions"] : [])
    }
}
