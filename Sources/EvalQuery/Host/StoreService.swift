import EvalCore

/// Where `push`, `pull`, `log`, `experiments` and `forget` go. EvalQuery declares it and the
/// shell provides it (over EvalStore), so the query layer stays free of databases and HTTP.
public protocol StoreService: AnyObject {
    /// Sends the evaluation to `request.target`; returns a line saying where it went
    /// (`store:NAME (version 3)`).
    func push(_ request: StorePushRequest) throws(ExecutionError) -> String

    /// Reads an evaluation back from `target`: boxes from a boxes version of the local store,
    /// else the two logs (the confusion matrix may be absent).
    func pull(target: String) throws(ExecutionError) -> StorePullResult

    /// The versions of a stored experiment, with their figures.
    func log(name: String) throws(ExecutionError) -> VersionHistoryResult

    /// The stored experiments, each with its latest version's figures.
    func experiments() throws(ExecutionError) -> ExperimentListResult

    /// Removes version(s) of the local store (`store:NAME@V` or every version of `store:NAME`) and
    /// reclaims their space. Without `force` a terminal asks first; a script must say `force`.
    func forget(target: String, force: Bool) throws(ExecutionError) -> String
}
