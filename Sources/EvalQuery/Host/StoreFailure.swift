/// Why the host's store could not push, pull, list or forget: the kind of failure (for the exit
/// status and for whoever handles it), the place it is about, and the message that says what
/// happened and what to do. The shell builds it from EvalStore's `StoreError`, which EvalQuery
/// cannot see.
public struct StoreFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Equatable, Sendable {
        /// A target that cannot be used this way (a version on a push).
        case target
        /// The local store's file: not a store, damaged, locked, from a newer evalsh, unwritable.
        case localStore
        /// An experiment, a version, a project or a log that does not exist.
        case notFound
        /// A file target that could not be read or written.
        case file
        /// The documents to push are not Picsellia logs (empty, not a JSON object).
        case document
        /// A setting that is missing or wrong (`PICSELLIA_TOKEN`, `PICSELLIA_HOST`, a timeout).
        case configuration
        /// Picsellia could not be reached, or not within the time allowed.
        case connection
        /// Picsellia answered with a refusal or a failure (`httpStatus` says which).
        case server
    }

    public var kind: Kind
    /// The file, store, host or endpoint the failure is about, when there is one.
    public var place: String?
    /// The HTTP status Picsellia answered with, when it answered.
    public var httpStatus: Int?
    /// The whole message, after `error: `.
    public var message: String

    public init(_ kind: Kind, place: String?, httpStatus: Int? = nil, message: String) {
        self.kind = kind
        self.place = place
        self.httpStatus = httpStatus
        self.message = message
    }

    public var description: String { message }
}
