import Foundation

/// The Picsellia endpoints evalsh uses, implemented in memory after the REST contract of
/// `shared/spec/picsellia-evaluation.md`, behind a `TestHTTPServer`.
///
/// It checks the Bearer token on every request (answering 401 with a body that echoes what
/// it received, to prove the client redacts it), records every request, and can be told to
/// answer the next requests to an endpoint with given statuses.
final class FakePicsellia: @unchecked Sendable {
    struct StoredLog: Equatable {
        var id: String
        var type: String
        /// The log's data, raw JSON bytes.
        var data: Data
    }

    let token: String
    let organizationID = "0188e773-0000-7000-8000-00000000000a"
    private let lock = NSLock()
    private var projects: [String: String] = [:]
    private var experiments: [String: [String: String]] = [:]
    private var logs: [String: [String: StoredLog]] = [:]
    private var scripted: [String: [Int]] = [:]
    private var scriptedLogs: [String: [Int]] = [:]
    private var received: [TestHTTPServer.Request] = []
    private var server: TestHTTPServer!

    init(token: String) throws {
        self.token = token
        server = try TestHTTPServer { [unowned self] request in self.answer(request) }
    }

    var baseURL: URL { server.baseURL }

    func stop() { server.stop() }

    /// Adds a project with one experiment and returns the experiment's id.
    @discardableResult
    func addExperiment(project: String, experiment: String, id: UUID = UUID()) -> String {
        locked {
            let projectID = projects[project] ?? UUID().uuidString.lowercased()
            projects[project] = projectID
            let experimentID = id.uuidString.lowercased()
            experiments[projectID, default: [:]][experiment] = experimentID
            logs[experimentID] = logs[experimentID] ?? [:]
            return experimentID
        }
    }

    /// Puts a log in place as if someone had pushed it, with `data` exactly these bytes.
    func seedLog(experimentID: String, name: String, type: String, data: String) {
        locked { logs[experimentID, default: [:]][name] = StoredLog(id: UUID().uuidString, type: type, data: Data(data.utf8)) }
    }

    /// The next requests to `endpoint` (e.g. `"POST /api/experiment/<id>/logs"`) get these statuses.
    func script(_ endpoint: String, statuses: [Int]) {
        locked { scripted[endpoint, default: []].append(contentsOf: statuses) }
    }

    /// The next POSTs of the log named `name` get these statuses, 0 standing for "answer as usual"
    /// (`["evaluation": [0, 403]]`: the first goes through, the second is refused).
    func scriptLog(_ name: String, statuses: [Int]) {
        locked { scriptedLogs[name, default: []].append(contentsOf: statuses) }
    }

    func log(experimentID: String, name: String) -> StoredLog? { locked { logs[experimentID]?[name] } }

    var requests: [TestHTTPServer.Request] { locked { received } }

    private func answer(_ request: TestHTTPServer.Request) -> TestHTTPServer.Response {
        locked {
            received.append(request)
            guard request.headers["authorization"] == "Bearer \(token)" else {
                let echoed = request.headers["authorization"] ?? ""
                return Self.json(401, ["detail": "Invalid token: \(echoed)"])
            }
            if var statuses = scripted["\(request.method) \(request.path)"], !statuses.isEmpty {
                let status = statuses.removeFirst()
                scripted["\(request.method) \(request.path)"] = statuses
                return Self.json(status, ["detail": "scripted \(status) for \(echoedToken(request))"])
            }
            return route(request)
        }
    }

    /// Part of the scripted error bodies, so tests can check the client redacts what servers echo.
    private func echoedToken(_ request: TestHTTPServer.Request) -> String {
        request.headers["authorization"] ?? ""
    }

    private func route(_ request: TestHTTPServer.Request) -> TestHTTPServer.Response {
        let method = request.method
        if method == "GET", Self.match(request.path, "/api/home/ping") != nil {
            return Self.json(200, ["sdk_version": "6.28.1", "username": "tester", "default_organization": organizationID])
        }
        if method == "GET", let ids = Self.match(request.path, "/api/organization/*/projects/find") {
            guard ids[0] == organizationID, request.headers["x-picsellia-organization"] == organizationID else {
                return Self.json(403, ["detail": "wrong organization"])
            }
            guard let id = projects[request.query["name"] ?? ""] else { return Self.json(404, ["detail": "no project"]) }
            return Self.json(200, ["id": id, "name": request.query["name"]!])
        }
        if method == "GET", let ids = Self.match(request.path, "/api/project/*/experiments/find") {
            guard let id = experiments[ids[0]]?[request.query["name"] ?? ""] else {
                return Self.json(404, ["detail": "no experiment"])
            }
            return Self.json(200, ["id": id, "name": request.query["name"]!])
        }
        if method == "POST", let ids = Self.match(request.path, "/api/experiment/*/logs") {
            let name = (try? JSONSerialization.jsonObject(with: request.body) as? [String: Any])?["name"] as? String
            if let name, var statuses = scriptedLogs[name], !statuses.isEmpty {
                let status = statuses.removeFirst()
                scriptedLogs[name] = statuses
                if status != 0 { return Self.json(status, ["detail": "scripted \(status) for log \(name)"]) }
            }
            return createLog(ids[0], request)
        }
        if method == "DELETE", let ids = Self.match(request.path, "/api/log/*") {
            for (experiment, named) in logs {
                if let name = named.first(where: { $0.value.id == ids[0] })?.key {
                    logs[experiment]![name] = nil
                    return TestHTTPServer.Response(status: 204, body: Data())
                }
            }
            return Self.json(404, ["detail": "no log"])
        }
        if method == "GET", let ids = Self.match(request.path, "/api/experiment/*/logs/find") {
            guard let log = logs[ids[0]]?[request.query["name"] ?? ""] else {
                return Self.json(404, ["detail": "no log"])
            }
            var body = Data(#"{"id": "\#(log.id)", "name": "\#(request.query["name"]!)", "type": "\#(log.type)", "data": "#.utf8)
            body.append(log.data)
            body.append(Data("}".utf8))
            return TestHTTPServer.Response(status: 200, body: body)
        }
        return Self.json(404, ["detail": "no route \(method) \(request.path)"])
    }

    /// The path segments standing where `pattern` has `*`, or `nil` when the path does not match.
    private static func match(_ path: String, _ pattern: String) -> [String]? {
        let segments = path.split(separator: "/")
        let expected = pattern.split(separator: "/")
        guard segments.count == expected.count else { return nil }
        var captured: [String] = []
        for (segment, wanted) in zip(segments, expected) {
            if wanted == "*" { captured.append(String(segment)) } else if segment != wanted { return nil }
        }
        return captured
    }

    private func createLog(_ experimentID: String, _ request: TestHTTPServer.Request) -> TestHTTPServer.Response {
        guard logs[experimentID] != nil else { return Self.json(404, ["detail": "no experiment"]) }
        guard request.query["raise_on_conflict"] == "false",
            let body = try? JSONSerialization.jsonObject(with: request.body) as? [String: Any],
            Set(body.keys) == ["name", "data", "type"], let name = body["name"] as? String,
            let type = body["type"] as? String, let data = body["data"] as? [String: Any],
            ["evaluation": "EVALUATION", "confusion-matrix": "HEATMAP"][name] == type
        else { return Self.json(422, ["detail": "malformed log"]) }
        let id = logs[experimentID]?[name]?.id ?? UUID().uuidString.lowercased()
        let stored = try! JSONSerialization.data(withJSONObject: data, options: [.sortedKeys])
        logs[experimentID]![name] = StoredLog(id: id, type: type, data: stored)
        return Self.json(201, ["id": id, "name": name, "type": type, "data": data])
    }

    private static func json(_ status: Int, _ object: [String: Any]) -> TestHTTPServer.Response {
        TestHTTPServer.Response(status: status, body: try! JSONSerialization.data(withJSONObject: object))
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }
}
