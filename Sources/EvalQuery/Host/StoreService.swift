import EvalCore

/// Where `push`, `pull`, `log` and `experiments` go. EvalQuery declares it and the shell
/// provides it (over EvalStore), so the query layer stays free of databases and HTTP.
public protocol StoreService: AnyObject {
    /// Sends both logs to `target`; returns a line saying where they went (`store:NAME version 3`).
    /// For a file target, `confusionMatrixPath` names the matrix's file when it is not the one
    /// beside the evaluation (`X.confusion-matrix.json`).
    func push(
        evaluation: JSONValue, confusionMatrix: JSONValue, target: String, confusionMatrixPath: String?,
        message: String?, edits: [String]
    ) throws(ExecutionError) -> String

    /// Reads both logs back from `target`; the confusion matrix may be absent.
    func pull(target: String) throws(ExecutionError) -> (evaluation: JSONValue, confusionMatrix: JSONValue?)

    /// The versions of a stored experiment.
    func log(name: String) throws(ExecutionError) -> ResultTable

    /// The stored experiments.
    func experiments() throws(ExecutionError) -> ResultTable
}
