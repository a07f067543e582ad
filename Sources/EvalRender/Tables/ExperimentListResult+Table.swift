import EvalQuery

extension ExperimentListResult {
    var table: ResultTable {
        let notes: [String]
        if !exists {
            notes = ["there is no store here yet: push store:NAME creates it"]
        } else if experiments.isEmpty {
            notes = ["the store is empty: push store:NAME adds one"]
        } else {
            notes = []
        }
        return ResultTable(
            title: "experiments in \(store), each with its latest version", columns: ["name", "versions"] + StoredVersionEntry.columns,
            rows: experiments.map { [.string($0.name), .int($0.versionCount)] + $0.latest.row }, notes: notes)
    }
}
