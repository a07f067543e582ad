import Foundation
import XCTest

@testable import EvalStore

/// The Picsellia client against an in-memory Picsellia over real HTTP on 127.0.0.1.
final class PicselliaClientTests: XCTestCase {
    private let token = "tok-SECRET-0123456789abcdef"
    private var fake: FakePicsellia!
    private var experimentID: String!
    private let sleeps = SleepRecorder()

    override func setUpWithError() throws {
        fake = try FakePicsellia(token: token)
        experimentID = fake.addExperiment(project: "road signs", experiment: "yolo v8")
    }

    override func tearDown() {
        fake.stop()
    }

    private func client(token: String? = nil) -> PicselliaClient {
        let recorder = sleeps
        return PicselliaClient(
            configuration: PicselliaConfiguration(host: fake.baseURL, token: token ?? self.token),
            retryPolicy: RetryPolicy(maxRetries: 3, initialDelay: 0.5, maximumDelay: 30) { recorder.record($0) })
    }

    private var byID: PicselliaExperimentReference { .id(UUID(uuidString: experimentID)!) }

    private func assertSameJSON(_ a: Data?, _ b: Data?, file: StaticString = #filePath, line: UInt = #line) throws {
        let left = try JSONSerialization.jsonObject(with: XCTUnwrap(a)) as? NSDictionary
        let right = try JSONSerialization.jsonObject(with: XCTUnwrap(b)) as? NSDictionary
        XCTAssertEqual(left, right, file: file, line: line)
    }

    func testPushThenPullGivesTheSameDocuments() throws {
        let documents = SampleDocuments.make("pedestrian")
        let receipt = try client().push(documents, to: byID)
        XCTAssertEqual(receipt.experimentID, experimentID)
        XCTAssertNotNil(receipt.confusionMatrixLogID)

        let pulled = try client().pull(from: byID)
        try assertSameJSON(pulled.documents.evaluation, documents.evaluation)
        try assertSameJSON(pulled.documents.confusionMatrix, documents.confusionMatrix)
        XCTAssertEqual(fake.log(experimentID: experimentID, name: "evaluation")?.type, "EVALUATION")
        XCTAssertEqual(fake.log(experimentID: experimentID, name: "confusion-matrix")?.type, "HEATMAP")
    }

    func testPushRequestsHaveTheShapeTheSDKSends() throws {
        let documents = SampleDocuments.make("pedestrian")
        try client().push(documents, to: byID)
        let posts = fake.requests.filter { $0.method == "POST" }
        XCTAssertEqual(posts.map(\.path), Array(repeating: "/api/experiment/\(experimentID!)/logs", count: 2))
        for (post, (name, type, data)) in zip(
            posts, [("evaluation", "EVALUATION", documents.evaluation), ("confusion-matrix", "HEATMAP", documents.confusionMatrix!)])
        {
            XCTAssertEqual(post.query, ["raise_on_conflict": "false"])
            XCTAssertEqual(post.headers["authorization"], "Bearer \(token)")
            XCTAssertEqual(post.headers["content-type"], "application/json")
            let body = try XCTUnwrap(JSONSerialization.jsonObject(with: post.body) as? [String: Any])
            XCTAssertEqual(Set(body.keys), ["name", "data", "type"])
            XCTAssertEqual(body["name"] as? String, name)
            XCTAssertEqual(body["type"] as? String, type)
            try assertSameJSON(JSONSerialization.data(withJSONObject: body["data"]!), data)
        }
    }

    func testProjectAndExperimentNamesAreResolvedThroughTheDefaultOrganization() throws {
        let reference = PicselliaExperimentReference.names(project: "road signs", experiment: "yolo v8")
        let receipt = try client().push(SampleDocuments.make("bike"), to: reference)
        XCTAssertEqual(receipt.experimentID, experimentID)
        let gets = fake.requests.filter { $0.method == "GET" }.map(\.path)
        XCTAssertEqual(
            Array(gets.prefix(2)), ["/api/home/ping", "/api/organization/\(fake.organizationID)/projects/find"])
        let projectFind = fake.requests[1]
        XCTAssertEqual(projectFind.query["name"], "road signs")
        XCTAssertEqual(projectFind.headers["x-picsellia-organization"], fake.organizationID)
        XCTAssertEqual(fake.requests[2].query["name"], "yolo v8")
        XCTAssertNotNil(fake.log(experimentID: experimentID, name: "evaluation"))
    }

    func testUnknownProjectIsNotFoundByName() throws {
        let reference = PicselliaExperimentReference.names(project: "nope", experiment: "yolo v8")
        XCTAssertThrowsError(try client().pull(from: reference)) { error in
            XCTAssertEqual(error as? StoreError, .notFound(what: "project 'nope'"))
        }
    }

    func testBadTokenIsRefusedAndNothingIsStored() throws {
        let wrong = "wrong-TOKEN-value-42"
        XCTAssertThrowsError(try client(token: wrong).push(SampleDocuments.make("car"), to: byID)) { error in
            XCTAssertEqual(error as? StoreError, .unauthorized(host: fake.baseURL.absoluteString))
            XCTAssertTrue("\(error)".contains("check PICSELLIA_TOKEN"))
            XCTAssertFalse("\(error)".contains(wrong))
        }
        XCTAssertNil(fake.log(experimentID: experimentID, name: "evaluation"))
        XCTAssertNil(fake.log(experimentID: experimentID, name: "confusion-matrix"))
    }

    /// The second log refused: the first is put back as it was, so the experiment's two logs agree.
    func testMatrixRefusedPutsThePreviousEvaluationLogBack() throws {
        let before = #"{"labels": ["car"], "per_image_eval": []}"#
        fake.seedLog(experimentID: experimentID, name: "evaluation", type: "EVALUATION", data: before)
        fake.scriptLog("confusion-matrix", statuses: [403])
        XCTAssertThrowsError(try client().push(SampleDocuments.make("truck"), to: byID)) { error in
            XCTAssertEqual(error as? StoreError, .forbidden(endpoint: "POST /api/experiment/\(experimentID!)/logs"))
        }
        try assertSameJSON(fake.log(experimentID: experimentID, name: "evaluation")?.data, Data(before.utf8))
        XCTAssertNil(fake.log(experimentID: experimentID, name: "confusion-matrix"))
    }

    func testMatrixRefusedOnAFreshExperimentDeletesTheNewEvaluationLog() throws {
        fake.scriptLog("confusion-matrix", statuses: [413])
        XCTAssertThrowsError(try client().push(SampleDocuments.make("truck"), to: byID))
        XCTAssertNil(fake.log(experimentID: experimentID, name: "evaluation"))
        XCTAssertEqual(fake.requests.filter { $0.method == "DELETE" }.count, 1)
    }

    func testRestoreThatFailsTooSaysTheLogsDisagree() throws {
        fake.seedLog(experimentID: experimentID, name: "evaluation", type: "EVALUATION", data: #"{"labels": ["car"]}"#)
        fake.scriptLog("evaluation", statuses: [0, 403])
        fake.scriptLog("confusion-matrix", statuses: [403])
        let endpoint = "POST /api/experiment/\(experimentID!)/logs"
        XCTAssertThrowsError(try client().push(SampleDocuments.make("truck"), to: byID)) { error in
            XCTAssertEqual(error as? StoreError, .partialPush(experiment: experimentID, cause: .forbidden(endpoint: endpoint)))
            XCTAssertTrue("\(error)".contains("push again"), "\(error)")
        }
    }

    func testServerErrorIsRetriedThenSucceeds() throws {
        fake.script("POST /api/experiment/\(experimentID!)/logs", statuses: [500])
        try client().push(SampleDocuments.make("car"), to: byID)
        XCTAssertEqual(sleeps.delays, [0.5])
        XCTAssertEqual(fake.requests.filter { $0.method == "POST" }.count, 3)
        XCTAssertNotNil(fake.log(experimentID: experimentID, name: "evaluation"))
    }

    func testTooManyRequestsIsRetriedWithGrowingDelays() throws {
        fake.script("GET /api/experiment/\(experimentID!)/logs/find", statuses: [429, 429])
        fake.seedLog(experimentID: experimentID, name: "evaluation", type: "EVALUATION", data: #"{"labels": []}"#)
        let pulled = try client().pull(from: byID)
        XCTAssertEqual(pulled.documents.evaluation, Data(#"{"labels": []}"#.utf8))
        XCTAssertEqual(sleeps.delays, [0.5, 1.0])
    }

    func testPersistentServerErrorGivesUpAfterTheLastRetry() throws {
        fake.script("POST /api/experiment/\(experimentID!)/logs", statuses: [503, 502, 500, 504, 500])
        XCTAssertThrowsError(try client().push(SampleDocuments.make("car"), to: byID)) { error in
            XCTAssertEqual(
                error as? StoreError,
                .serverError(endpoint: "POST /api/experiment/\(experimentID!)/logs", status: 504, attempts: 4))
        }
        XCTAssertEqual(sleeps.delays, [0.5, 1.0, 2.0])
    }

    func testEachErrorStatusMapsToItsCase() throws {
        let endpoint = "POST /api/experiment/\(experimentID!)/logs"
        let documents = SampleDocuments.make("car")
        // The log body wraps the document in `{"name": "evaluation", "data": ` and `, "type": "EVALUATION"}`.
        let bodyBytes = documents.evaluation.count + 31 + 23
        let expectations: [(Int, StoreError)] = [
            (400, .badRequest(endpoint: endpoint, detail: "scripted 400 for Bearer <token>")),
            (403, .forbidden(endpoint: endpoint)),
            (404, .notFound(what: "experiment \(experimentID!)")),
            (409, .conflict(endpoint: endpoint, detail: "scripted 409 for Bearer <token>")),
            (413, .payloadTooLarge(endpoint: endpoint, bytes: bodyBytes)),
            (422, .unprocessable(endpoint: endpoint, detail: "scripted 422 for Bearer <token>")),
            (423, .locked(endpoint: endpoint)),
            (418, .unexpectedStatus(endpoint: endpoint, status: 418)),
        ]
        for (status, expected) in expectations {
            fake.script(endpoint, statuses: [status])
            XCTAssertThrowsError(try client().push(documents, to: byID), "status \(status)") { error in
                XCTAssertEqual(error as? StoreError, expected, "status \(status)")
                XCTAssertFalse("\(error)".contains(token), "status \(status) leaks the token")
            }
        }
        XCTAssertEqual(sleeps.delays, [])
    }

    func testPullKeepsTheLogDataBytesAsSent() throws {
        let raw = #"{"metrics": {"z": 9.0, "a": 1.50}, "labels": ["a \"quoted\" {name}"]}"#
        fake.seedLog(experimentID: experimentID, name: "evaluation", type: "EVALUATION", data: raw)
        let pulled = try client().pull(from: byID)
        XCTAssertEqual(String(decoding: pulled.documents.evaluation, as: UTF8.self), raw)
        XCTAssertNil(pulled.documents.confusionMatrix)
    }

    func testPullWithoutEvaluationLogIsNotFound() throws {
        XCTAssertThrowsError(try client().pull(from: byID)) { error in
            XCTAssertEqual(error as? StoreError, .notFound(what: "the 'evaluation' log of experiment \(experimentID!)"))
        }
    }

    func testRefusedConnectionIsReportedWithoutRetry() throws {
        let closed = try TestHTTPServer { _ in TestHTTPServer.Response(status: 200, body: Data()) }
        let host = closed.baseURL
        closed.stop()
        let client = PicselliaClient(
            configuration: PicselliaConfiguration(host: host, token: token),
            retryPolicy: RetryPolicy { _ in XCTFail("a refused connection is not retried") })
        XCTAssertThrowsError(try client.pull(from: byID)) { error in
            XCTAssertEqual(error as? StoreError, .connectionFailed(host: host.absoluteString, detail: "connection refused"))
        }
    }

    func testConfigurationComesFromTheEnvironmentAndHidesTheToken() throws {
        XCTAssertThrowsError(try PicselliaConfiguration(environment: [:])) {
            XCTAssertEqual($0 as? StoreError, .missingToken)
        }
        XCTAssertThrowsError(try PicselliaConfiguration(environment: ["PICSELLIA_TOKEN": "t", "PICSELLIA_HOST": "ftp://x"])) {
            XCTAssertEqual($0 as? StoreError, .invalidHost(host: "ftp://x"))
        }
        let standard = try PicselliaConfiguration(environment: ["PICSELLIA_TOKEN": token])
        XCTAssertEqual(standard.host.absoluteString, "https://app.picsellia.com")
        let custom = try PicselliaConfiguration(
            environment: ["PICSELLIA_TOKEN": token, "PICSELLIA_HOST": "http://localhost:8000/"])
        XCTAssertEqual(custom.host.absoluteString, "http://localhost:8000")
        XCTAssertFalse("\(custom)".contains(token))
        XCTAssertFalse(String(reflecting: custom).contains(token))
    }
}

/// Collects the delays the client asks to sleep, instead of sleeping.
final class SleepRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [TimeInterval] = []

    func record(_ delay: TimeInterval) {
        lock.lock()
        recorded.append(delay)
        lock.unlock()
    }

    var delays: [TimeInterval] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }
}
