import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Pushes and pulls the two evaluation logs of a Picsellia experiment over its REST API,
/// following the contract of the Picsellia SDK 6.x (`shared/spec/picsellia-evaluation.md`).
///
/// Blocking: each call returns when Picsellia has answered. Answers 429 and 5xx are retried
/// per the `RetryPolicy`; every other failure becomes a `StoreError` whose text never holds
/// the token.
public struct PicselliaClient: Sendable {
    /// The two logs the evaluation view reads, with the log types the SDK gives them.
    enum Log: String, CaseIterable {
        case evaluation = "evaluation"
        case confusionMatrix = "confusion-matrix"

        var type: String { self == .evaluation ? "EVALUATION" : "HEATMAP" }
    }

    public let configuration: PicselliaConfiguration
    public let retryPolicy: RetryPolicy
    private let transport: HTTPTransport
    /// When the client's work must be over: `totalTimeout` after it was made (a client is
    /// made for one push or pull), retries and their waits included.
    private let deadline: Date

    public init(configuration: PicselliaConfiguration, retryPolicy: RetryPolicy = RetryPolicy()) {
        self.configuration = configuration
        self.retryPolicy = retryPolicy
        transport = HTTPTransport(timeout: configuration.requestTimeout)
        deadline = Date().addingTimeInterval(configuration.totalTimeout)
    }

    /// Creates or replaces the experiment's `evaluation` log, then its `confusion-matrix` log.
    @discardableResult
    public func push(_ documents: EvaluationDocuments, to reference: PicselliaExperimentReference) throws(StoreError)
        -> PicselliaPushReceipt
    {
        try documents.validate()
        let experiment = try resolve(reference)
        // Two logs cannot be written in one request: when the second fails, the first is put
        // back as it was, so that a failed push leaves the experiment as it found it.
        let previousEvaluation = documents.confusionMatrix == nil ? nil : try findLog(.evaluation, experiment: experiment)
        let evaluationLogID = try postLog(.evaluation, data: documents.evaluation, experiment: experiment)
        let matrixLogID: String?
        do {
            matrixLogID = try documents.confusionMatrix.map { (data: Data) throws(StoreError) in
                try postLog(.confusionMatrix, data: data, experiment: experiment)
            }
        } catch let failure {
            do {
                if let previousEvaluation {
                    _ = try postLog(.evaluation, data: previousEvaluation, experiment: experiment)
                } else {
                    try deleteLog(evaluationLogID, experiment: experiment)
                }
            } catch {
                throw StoreError.partialPush(experiment: experiment.id, cause: failure)
            }
            throw failure
        }
        return PicselliaPushReceipt(
            experimentID: experiment.id, evaluationLogID: evaluationLogID, confusionMatrixLogID: matrixLogID)
    }

    /// Fetches the experiment's `evaluation` log and, when present, its `confusion-matrix` log.
    public func pull(from reference: PicselliaExperimentReference) throws(StoreError) -> PulledEvaluation {
        let experiment = try resolve(reference)
        guard let evaluation = try findLog(.evaluation, experiment: experiment) else {
            throw StoreError.notFound(what: "the 'evaluation' log of experiment \(experiment.id)")
        }
        let matrix = try findLog(.confusionMatrix, experiment: experiment)
        return PulledEvaluation(
            documents: EvaluationDocuments(evaluation: evaluation, confusionMatrix: matrix),
            origin: reference.description, version: nil)
    }

    /// The experiment's id, looking names up in the token's default organization.
    public func experimentID(for reference: PicselliaExperimentReference) throws(StoreError) -> String {
        try resolve(reference).id
    }

    // MARK: - Endpoints

    /// An experiment id and, when names were resolved, the organization it was found in
    /// (sent as `X-Picsellia-Organization` on the following requests, as the SDK does).
    private struct ResolvedExperiment {
        var id: String
        var organization: String?
    }

    private func resolve(_ reference: PicselliaExperimentReference) throws(StoreError) -> ResolvedExperiment {
        switch reference {
        case .id(let id):
            return ResolvedExperiment(id: id.uuidString.lowercased(), organization: nil)
        case .names(let project, let experiment):
            let organization = try defaultOrganization()
            let projectAnswer = try send(
                "GET", "/api/organization/\(organization)/projects/find", query: ["name": project],
                organization: organization, missing: "project '\(project)'")
            let projectID = try identifier(in: projectAnswer, endpoint: "GET /api/organization/…/projects/find")
            let experimentAnswer = try send(
                "GET", "/api/project/\(projectID)/experiments/find", query: ["name": experiment],
                organization: organization, missing: "experiment '\(experiment)' in project '\(project)'")
            let experimentID = try identifier(in: experimentAnswer, endpoint: "GET /api/project/…/experiments/find")
            return ResolvedExperiment(id: experimentID, organization: organization)
        }
    }

    /// `GET /api/home/ping`; the SDK reads `default_organization`, older shapes are accepted too.
    private func defaultOrganization() throws(StoreError) -> String {
        let endpoint = "GET /api/home/ping"
        let answer = try send("GET", "/api/home/ping", missing: "the ping endpoint")
        guard let object = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any] else {
            throw StoreError.invalidResponse(endpoint: endpoint, detail: "not a JSON object")
        }
        let nested = (object["organization"] as? [String: Any])?["id"]
        for candidate in [object["default_organization"], object["organization_id"], nested] {
            if let id = Self.idString(candidate) { return id }
        }
        throw StoreError.noDefaultOrganization(host: configuration.host.absoluteString)
    }

    private func postLog(_ log: Log, data: Data, experiment: ResolvedExperiment) throws(StoreError) -> String {
        var body = Data("{\"name\": \"\(log.rawValue)\", \"data\": ".utf8)
        body.append(data)
        body.append(Data(", \"type\": \"\(log.type)\"}".utf8))
        let answer = try send(
            "POST", "/api/experiment/\(experiment.id)/logs", query: ["raise_on_conflict": "false"], body: body,
            organization: experiment.organization, missing: "experiment \(experiment.id)")
        return try identifier(in: answer, endpoint: "POST /api/experiment/\(experiment.id)/logs")
    }

    private func deleteLog(_ id: String, experiment: ResolvedExperiment) throws(StoreError) {
        _ = try send("DELETE", "/api/log/\(id)", organization: experiment.organization, missing: "log \(id)")
    }

    /// The log's `data`, byte for byte as Picsellia sent it; `nil` when the log does not exist.
    private func findLog(_ log: Log, experiment: ResolvedExperiment) throws(StoreError) -> Data? {
        let path = "/api/experiment/\(experiment.id)/logs/find"
        let answer: HTTPResponse
        do {
            answer = try send(
                "GET", path, query: ["name": log.rawValue], organization: experiment.organization,
                missing: "the '\(log.rawValue)' log of experiment \(experiment.id)")
        } catch .notFound {
            return nil
        }
        guard let data = RawJSON.value(ofTopLevelKey: "data", in: answer.body), data != Data("null".utf8) else {
            throw StoreError.invalidResponse(endpoint: "GET \(path)", detail: "the log has no 'data'")
        }
        return data
    }

    private func identifier(in answer: HTTPResponse, endpoint: String) throws(StoreError) -> String {
        let object = try? JSONSerialization.jsonObject(with: answer.body) as? [String: Any]
        guard let id = Self.idString(object?["id"]) else {
            throw StoreError.invalidResponse(endpoint: endpoint, detail: "no 'id' in the answer")
        }
        return id
    }

    private static func idString(_ value: Any?) -> String? {
        switch value {
        case let text as String where !text.isEmpty: return text
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    // MARK: - Exchange

    /// Sends one request, retrying 429 and 5xx, and maps any other failure to a `StoreError`.
    /// `missing` names what a 404 means at this endpoint.
    private func send(
        _ method: String, _ path: String, query: [String: String] = [:], body: Data? = nil,
        organization: String? = nil, missing: String
    ) throws(StoreError) -> HTTPResponse {
        let endpoint = "\(method) \(path)"
        let request = makeRequest(method, path, query: query, body: body, organization: organization)
        var retry = 0
        let bound = "the \(Int(configuration.totalTimeout)) s bound on a push or pull ran out (EVALSH_PUSH_TIMEOUT)"
        while true {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw StoreError.gaveUp(endpoint: endpoint, reason: bound) }
            let response: HTTPResponse
            do {
                response = try transport.send(request, limit: remaining)
            } catch {
                if (error as? URLError)?.code == .timedOut, deadline.timeIntervalSinceNow <= 0 {
                    throw StoreError.gaveUp(endpoint: endpoint, reason: bound)
                }
                throw StoreError.connectionFailed(host: configuration.host.absoluteString, detail: describe(error))
            }
            if (300..<400).contains(response.status), let location = response.header("Location") {
                let target = URL(string: location, relativeTo: request.url)?.absoluteURL
                if target.map({ !HTTPTransport.sameOrigin($0, request.url!) }) ?? true {
                    throw StoreError.crossOriginRedirect(endpoint: endpoint, location: Self.cut(redact(location), to: 200))
                }
            }
            let isTransient = response.status == 429 || (500...599).contains(response.status)
            if isTransient, retry < retryPolicy.maxRetries {
                let retryAfter = response.header("Retry-After").flatMap { TimeInterval($0.trimmingCharacters(in: .whitespaces)) }
                if let retryAfter, retryAfter > retryPolicy.maximumDelay {
                    throw StoreError.gaveUp(
                        endpoint: endpoint,
                        reason: "the server answered \(response.status) and asks to retry after \(Int(retryAfter)) s, "
                            + "longer than evalsh waits (\(Int(retryPolicy.maximumDelay)) s); try again later")
                }
                let delay = retryPolicy.delay(beforeRetry: retry, retryAfter: retryAfter)
                guard delay < deadline.timeIntervalSinceNow else { throw StoreError.gaveUp(endpoint: endpoint, reason: bound) }
                retryPolicy.sleep(delay)
                retry += 1
                continue
            }
            try check(response, endpoint: endpoint, attempts: retry + 1, sentBytes: body?.count ?? 0, missing: missing)
            return response
        }
    }

    private func makeRequest(
        _ method: String, _ path: String, query: [String: String], body: Data?, organization: String?
    ) -> URLRequest {
        var text = configuration.host.absoluteString + path
        if !query.isEmpty {
            text += "?" + query.sorted { $0.key < $1.key }.map { "\(Self.escape($0.key))=\(Self.escape($0.value))" }
                .joined(separator: "&")
        }
        var request = URLRequest(url: URL(string: text)!)
        request.httpMethod = method
        request.setValue("Bearer \(configuration.token)", forHTTPHeaderField: "Authorization")
        request.setValue("application/json", forHTTPHeaderField: "Content-type")
        if let organization { request.setValue(organization, forHTTPHeaderField: "X-Picsellia-Organization") }
        request.httpBody = body
        return request
    }

    private func check(_ response: HTTPResponse, endpoint: String, attempts: Int, sentBytes: Int, missing: String)
        throws(StoreError)
    {
        let detail = { Self.cut(redact(Self.serverMessage(response.body)), to: 300) }
        switch response.status {
        case 200..<300: return
        case 400: throw StoreError.badRequest(endpoint: endpoint, detail: detail())
        case 401: throw StoreError.unauthorized(host: configuration.host.absoluteString)
        case 403: throw StoreError.forbidden(endpoint: endpoint)
        case 404: throw StoreError.notFound(what: missing)
        case 409: throw StoreError.conflict(endpoint: endpoint, detail: detail())
        case 413: throw StoreError.payloadTooLarge(endpoint: endpoint, bytes: sentBytes)
        case 422: throw StoreError.unprocessable(endpoint: endpoint, detail: detail())
        case 423: throw StoreError.locked(endpoint: endpoint)
        case 429: throw StoreError.rateLimited(endpoint: endpoint, attempts: attempts)
        case 500...599: throw StoreError.serverError(endpoint: endpoint, status: response.status, attempts: attempts)
        default: throw StoreError.unexpectedStatus(endpoint: endpoint, status: response.status)
        }
    }

    /// The server's explanation: its `detail` or `message` field, else the start of the body.
    private static func serverMessage(_ body: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] {
            for key in ["detail", "message", "error"] {
                if let text = object[key] as? String { return text }
                if let value = object[key], let data = try? JSONSerialization.data(withJSONObject: value) {
                    return String(decoding: data, as: UTF8.self)
                }
            }
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no explanation given" : text
    }

    private func describe(_ error: Error) -> String {
        guard let error = error as? URLError else { return redact("\(error)") }
        switch error.code {
        case .cannotConnectToHost: return "connection refused"
        case .notConnectedToInternet, .networkConnectionLost: return "no network"
        case .cannotFindHost, .dnsLookupFailed: return "unknown host"
        case .timedOut: return "timed out"
        case .secureConnectionFailed, .serverCertificateUntrusted: return "TLS failure"
        default: return "network error \(error.code.rawValue)"
        }
    }

    /// `text` cut to `limit` characters, marked when cut (a server's answer can be a whole page).
    static func cut(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "… (cut)"
    }

    /// Blanks the token out of text that came from outside (a server echoing the request).
    private func redact(_ text: String) -> String {
        text.replacingOccurrences(of: configuration.token, with: "<token>")
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    private static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }
}
