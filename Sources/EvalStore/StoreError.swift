import Foundation

/// Everything that can go wrong while naming, pushing or pulling an evaluation.
///
/// Each message says what happened, where (a path, a target, an endpoint) and what to do.
/// No case carries the Picsellia token: server-provided details are redacted before they get here.
public enum StoreError: Error, Equatable, Sendable {
    // MARK: Target syntax
    case emptyTarget
    case invalidStoreName(target: String)
    case invalidVersion(target: String, version: String)
    case invalidPicselliaTarget(target: String)
    case unknownTargetScheme(target: String, scheme: String)
    /// A bare word that is not a `.json` path (`push "first run"`, meant as a message).
    case fileTargetNotJSON(target: String)
    case versionOnPush(target: String)
    case emptyDocument(which: String)
    case documentIsNotJSONObject(which: String)

    // MARK: Local store
    case notASQLiteDatabase(path: String)
    case foreignDatabase(path: String, applicationID: Int32)
    case newerSchema(path: String, found: Int32, supported: Int32)
    case corruptDatabase(path: String, detail: String)
    case databaseFailure(path: String, detail: String)
    /// Another process held the store's lock for longer than the busy timeout.
    case busy(path: String, detail: String)
    case cannotCreateDirectory(path: String, detail: String)
    case experimentNotFound(name: String, path: String)
    case versionNotFound(name: String, version: Int, latest: Int)
    case digestMismatch(name: String, version: Int, document: String)

    // MARK: Files
    case fileNotFound(path: String)
    case fileReadFailed(path: String, detail: String)
    case fileWriteFailed(path: String, detail: String)
    /// The files in `replaced` hold the new version but `path` could not be replaced.
    case fileWritePartly(path: String, replaced: [String], detail: String)

    // MARK: Picsellia
    case missingToken
    case invalidHost(host: String)
    case connectionFailed(host: String, detail: String)
    case badRequest(endpoint: String, detail: String)
    case unauthorized(host: String)
    case forbidden(endpoint: String)
    case notFound(what: String)
    case conflict(endpoint: String, detail: String)
    case payloadTooLarge(endpoint: String, bytes: Int)
    case unprocessable(endpoint: String, detail: String)
    case locked(endpoint: String)
    case rateLimited(endpoint: String, attempts: Int)
    case serverError(endpoint: String, status: Int, attempts: Int)
    case unexpectedStatus(endpoint: String, status: Int)
    /// The server redirected to another origin; not followed, so the token stays with the host.
    case crossOriginRedirect(endpoint: String, location: String)
    /// The server asked to wait longer than evalsh waits (`Retry-After`), or the push's bound ran out.
    case gaveUp(endpoint: String, reason: String)
    /// An environment setting that is not what it should be.
    case invalidSetting(name: String, value: String, expected: String)
    case invalidResponse(endpoint: String, detail: String)
    case noDefaultOrganization(host: String)
    /// The `evaluation` log was written, the `confusion-matrix` log was not (`cause`), and putting
    /// the previous `evaluation` log back failed too: the experiment's two logs disagree.
    indirect case partialPush(experiment: String, cause: StoreError)
}

extension StoreError: CustomStringConvertible, LocalizedError {
    public var errorDescription: String? { description }

    public var description: String {
        switch self {
        case .emptyTarget:
            return "no target given: use store:NAME, store:NAME@VERSION, picsellia:EXPERIMENT_ID, "
                + "picsellia:PROJECT/EXPERIMENT or a file path"
        case .invalidStoreName(let target):
            return "'\(target)': a store target needs a name, as in store:NAME or store:NAME@3"
        case .invalidVersion(let target, let version):
            return "'\(target)': version '\(version)' is not a version number (1, 2, 3…)"
        case .invalidPicselliaTarget(let target):
            return "'\(target)': expected picsellia:EXPERIMENT_ID (a UUID) or picsellia:PROJECT/EXPERIMENT"
        case .unknownTargetScheme(let target, let scheme):
            return "'\(target)': unknown target kind '\(scheme):'; use store:, picsellia:, "
                + "or write ./\(target).json to mean a file"
        case .fileTargetNotJSON(let target):
            return "'\(target)' is not a target: a file target is a PATH.json (store:NAME and picsellia:… are the "
                + "others); for a message, write message \"\(target)\""
        case .versionOnPush(let target):
            return "'\(target)': a push always appends a new version; drop the @VERSION"
        case .emptyDocument(let which):
            return "the \(which) document is empty; nothing to push"
        case .documentIsNotJSONObject(let which):
            return "the \(which) document is not a JSON object; nothing was pushed"
        case .notASQLiteDatabase(let path):
            return "\(path) is not a SQLite database; it was left untouched (pass another store path)"
        case .foreignDatabase(let path, let applicationID):
            return "\(path) is a SQLite database that does not belong to evalsh "
                + "(application_id \(applicationID)); it was left untouched (pass another store path)"
        case .newerSchema(let path, let found, let supported):
            return "\(path) was written by a newer evalsh (schema \(found), this one knows up to "
                + "\(supported)); upgrade evalsh to use it"
        case .corruptDatabase(let path, let detail):
            return "\(path) is corrupt (\(detail)); it was left untouched: restore it from a backup "
                + "or move it away to start a new store"
        case .databaseFailure(let path, let detail):
            return "store \(path): \(detail)"
        case .busy(let path, let detail):
            return "store \(path) stayed locked by another process (\(detail)); nothing was written, try again"
        case .cannotCreateDirectory(let path, let detail):
            return "cannot create the store directory \(path): \(detail)"
        case .experimentNotFound(let name, let path):
            return "no experiment named '\(name)' in the store \(path) (see `experiments`)"
        case .versionNotFound(let name, let version, let latest):
            return "experiment '\(name)' has no version \(version); its versions are 1…\(latest)"
        case .digestMismatch(let name, let version, let document):
            return "the \(document) document of '\(name)' version \(version) does not match its "
                + "recorded SHA-256: the store is damaged"
        case .fileNotFound(let path):
            return "\(path): no such file"
        case .fileReadFailed(let path, let detail):
            return "cannot read \(path): \(detail)"
        case .fileWriteFailed(let path, let detail):
            return "cannot write \(path): \(detail); the previous file, if any, is unchanged"
        case .fileWritePartly(let path, let replaced, let detail):
            return "cannot write \(path): \(detail); \(replaced.joined(separator: ", ")) already holds the new version "
                + "while \(path) holds the previous one: push again once \(path) can be written"
        case .partialPush(let experiment, let cause):
            return "experiment \(experiment) now holds the new 'evaluation' log but its previous 'confusion-matrix' log "
                + "(\(cause.description)); putting the previous 'evaluation' log back failed too, so the two logs "
                + "disagree until a push succeeds: push again"
        case .missingToken:
            return "PICSELLIA_TOKEN is not set: export your Picsellia API token to push or pull there"
        case .invalidHost(let host):
            return "PICSELLIA_HOST '\(host)' is not an http(s) URL"
        case .connectionFailed(let host, let detail):
            return "cannot reach \(host) (\(detail)); check the network and PICSELLIA_HOST"
        case .badRequest(let endpoint, let detail):
            return "Picsellia rejected the request to \(endpoint) as malformed (400): \(detail)"
        case .unauthorized(let host):
            return "\(host) refused the API token (401): check PICSELLIA_TOKEN"
        case .forbidden(let endpoint):
            return "the token is not allowed to access \(endpoint) (403): ask for access to the "
                + "project or use another token"
        case .notFound(let what):
            return "\(what) not found on Picsellia (404): check the name or id"
        case .conflict(let endpoint, let detail):
            return "Picsellia reports a conflict on \(endpoint) (409): \(detail)"
        case .payloadTooLarge(let endpoint, let bytes):
            return "Picsellia refused \(bytes) bytes at \(endpoint) as too large (413): "
                + "reduce the evaluation (fewer images) and retry"
        case .unprocessable(let endpoint, let detail):
            return "Picsellia could not process the request to \(endpoint) (422): \(detail)"
        case .locked(let endpoint):
            return "\(endpoint) is locked on Picsellia (423): the experiment may be in use; retry later"
        case .rateLimited(let endpoint, let attempts):
            return "Picsellia kept answering 'too many requests' (429) at \(endpoint) after "
                + "\(attempts) attempts; wait a minute and retry"
        case .serverError(let endpoint, let status, let attempts):
            return "Picsellia failed with \(status) at \(endpoint) after \(attempts) attempts; "
                + "retry later"
        case .crossOriginRedirect(let endpoint, let location):
            return "\(endpoint) was redirected to another host (\(location)); not followed, so that the API token "
                + "is not sent there: check PICSELLIA_HOST"
        case .gaveUp(let endpoint, let reason):
            return "\(endpoint): gave up: \(reason)"
        case .invalidSetting(let name, let value, let expected):
            return "\(name)=\(value) is not \(expected)"
        case .unexpectedStatus(let endpoint, let status):
            return "Picsellia answered \(status) at \(endpoint), which evalsh does not expect"
        case .invalidResponse(let endpoint, let detail):
            return "Picsellia's answer at \(endpoint) is not what evalsh expects: \(detail)"
        case .noDefaultOrganization(let host):
            return "\(host) names no default organization for this token; "
                + "use picsellia:EXPERIMENT_ID instead of PROJECT/EXPERIMENT"
        }
    }
}
