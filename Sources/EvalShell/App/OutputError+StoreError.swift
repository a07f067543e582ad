import EvalQuery
import EvalStore

extension OutputError {
    /// A file written the way a file push writes (`show … svg PATH`) that could not be: the path
    /// it resolved to and the writer's reason, or `shown` (the path as the statement named it)
    /// and the whole message.
    init(_ error: StoreError, named shown: String) {
        switch error {
        case .fileWriteFailed(let path, let detail):
            self.init(path: path, reason: .other(detail + "; the previous file, if any, is unchanged"))
        default:
            self.init(path: shown, reason: .other(error.description))
        }
    }
}
