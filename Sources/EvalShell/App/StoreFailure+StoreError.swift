import EvalQuery
import EvalStore

extension StoreFailure {
    /// The query layer's view of a store error: its kind, the place it names, Picsellia's HTTP
    /// status when it answered, and the store's message.
    init(_ error: StoreError) {
        let (kind, place, status) = Self.classify(error)
        self.init(kind, place: place, httpStatus: status, message: error.description)
    }

    private static func classify(_ error: StoreError) -> (Kind, String?, Int?) {
        switch error {
        case .emptyTarget: return (.target, nil, nil)
        case .invalidStoreName(let target), .invalidVersion(let target, _), .invalidPicselliaTarget(let target),
            .unknownTargetScheme(let target, _), .versionOnPush(let target), .fileTargetNotJSON(let target):
            return (.target, target, nil)
        case .emptyDocument(let which), .documentIsNotJSONObject(let which):
            return (.document, which, nil)
        case .notASQLiteDatabase(let path), .foreignDatabase(let path, _), .newerSchema(let path, _, _),
            .corruptDatabase(let path, _), .databaseFailure(let path, _), .busy(let path, _),
            .cannotCreateDirectory(let path, _):
            return (.localStore, path, nil)
        case .digestMismatch(let name, let version, _):
            return (.localStore, "store:\(name)@\(version)", nil)
        case .experimentNotFound(let name, _):
            return (.notFound, "store:\(name)", nil)
        case .versionNotFound(let name, let version, _):
            return (.notFound, "store:\(name)@\(version)", nil)
        case .fileNotFound(let path), .fileReadFailed(let path, _), .fileWriteFailed(let path, _),
            .fileWritePartly(let path, _, _):
            return (.file, path, nil)
        case .missingToken: return (.configuration, "PICSELLIA_TOKEN", nil)
        case .invalidHost: return (.configuration, "PICSELLIA_HOST", nil)
        case .invalidSetting(let name, _, _): return (.configuration, name, nil)
        case .noDefaultOrganization(let host): return (.configuration, host, nil)
        case .connectionFailed(let host, _): return (.connection, host, nil)
        case .gaveUp(let endpoint, _): return (.connection, endpoint, nil)
        case .crossOriginRedirect(let endpoint, _), .invalidResponse(let endpoint, _):
            return (.server, endpoint, nil)
        case .badRequest(let endpoint, _): return (.server, endpoint, 400)
        case .unauthorized(let host): return (.server, host, 401)
        case .forbidden(let endpoint): return (.server, endpoint, 403)
        case .notFound(let what): return (.notFound, what, 404)
        case .conflict(let endpoint, _): return (.server, endpoint, 409)
        case .payloadTooLarge(let endpoint, _): return (.server, endpoint, 413)
        case .unprocessable(let endpoint, _): return (.server, endpoint, 422)
        case .locked(let endpoint): return (.server, endpoint, 423)
        case .rateLimited(let endpoint, _): return (.server, endpoint, 429)
        case .serverError(let endpoint, let status, _), .unexpectedStatus(let endpoint, let status):
            return (.server, endpoint, status)
        case .partialPush(let experiment, let cause):
            return (.server, experiment, classify(cause).2)
        }
    }
}
