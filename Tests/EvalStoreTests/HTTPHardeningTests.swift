import Foundation
import XCTest

@testable import EvalStore

/// The Picsellia client against hostile or slow servers on 127.0.0.1 (issue 11).
final class HTTPHardeningTests: XCTestCase {
    private let token = "tok-SECRET-0123456789abcdef"
    private let reference = PicselliaExperimentReference.id(UUID(uuidString: "6F9619FF-8B86-D011-B42D-00C04FC964FF")!)

    /// Records what reached it; answers 404.
    private final class Recorder: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: [TestHTTPServer.Request] = []
        func add(_ request: TestHTTPServer.Request) { lock.lock(); seen.append(request); lock.unlock() }
        var requests: [TestHTTPServer.Request] { lock.lock(); defer { lock.unlock() }; return seen }
    }

    func testARedirectToAnotherOriginIsNotFollowedAndTheTokenStaysHome() throws {
        let recorder = Recorder()
        let other = try TestHTTPServer { request in
            recorder.add(request)
            return TestHTTPServer.Response(status: 200, body: Data("{}".utf8))
        }
        defer { other.stop() }
        // Another port on 127.0.0.1 is another origin.
        let location = other.baseURL.absoluteString + "/api/steal"
        let server = try TestHTTPServer { _ in
            TestHTTPServer.Response(status: 307, body: Data(), headers: ["Location": location])
        }
        defer { server.stop() }
        let client = PicselliaClient(
            configuration: PicselliaConfiguration(host: server.baseURL, token: token), retryPolicy: RetryPolicy { _ in })
        XCTAssertThrowsError(try client.pull(from: reference)) { error in
            guard case StoreError.crossOriginRedirect = error else { return XCTFail("\(error)") }
            XCTAssertFalse("\(error)".contains(token))
        }
        XCTAssertTrue(recorder.requests.isEmpty, "the other origin received \(recorder.requests.map(\.headers))")
    }

    func testARedirectWithinTheOriginIsFollowed() throws {
        let recorder = Recorder()
        let server = try TestHTTPServer { request in
            recorder.add(request)
            if !request.path.hasPrefix("/moved") {
                return TestHTTPServer.Response(status: 307, body: Data(), headers: ["Location": "/moved" + request.path])
            }
            return TestHTTPServer.Response(status: 404, body: Data(#"{"detail": "no log"}"#.utf8))
        }
        defer { server.stop() }
        let client = PicselliaClient(
            configuration: PicselliaConfiguration(host: server.baseURL, token: token), retryPolicy: RetryPolicy { _ in })
        XCTAssertThrowsError(try client.pull(from: reference)) { error in
            guard case StoreError.notFound = error else { return XCTFail("\(error)") }
        }
        let moved = recorder.requests.filter { $0.path.hasPrefix("/moved") }
        XCTAssertEqual(moved.count, 1, "the same-origin redirect was followed")
        XCTAssertEqual(moved.first?.headers["authorization"], "Bearer \(token)")
    }

    func testASlowServerTimesOutAtTheRequestTimeout() throws {
        let server = try TestHTTPServer { _ in
            Thread.sleep(forTimeInterval: 4)
            return TestHTTPServer.Response(status: 200, body: Data("{}".utf8))
        }
        defer { server.stop() }
        let client = PicselliaClient(
            configuration: PicselliaConfiguration(host: server.baseURL, token: token, requestTimeout: 0.5),
            retryPolicy: RetryPolicy { _ in })
        let started = Date()
        XCTAssertThrowsError(try client.pull(from: reference)) { error in
            XCTAssertTrue("\(error)".contains("timed out"), "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
    }

    func testTheWholePushHasABound() throws {
        let server = try TestHTTPServer { _ in
            TestHTTPServer.Response(status: 503, body: Data(), headers: ["Retry-After": "1"])
        }
        defer { server.stop() }
        let client = PicselliaClient(
            configuration: PicselliaConfiguration(host: server.baseURL, token: token, requestTimeout: 5, totalTimeout: 1.5),
            retryPolicy: RetryPolicy(maxRetries: 100, maximumDelay: 10))
        let started = Date()
        XCTAssertThrowsError(try client.pull(from: reference)) { error in
            // Giving up after the retries that fit in the bound, or (on a loaded machine) a
            // request cut by the bound: either way the push ends instead of retrying 100 times.
            if case StoreError.gaveUp = error { return }
            XCTAssertTrue("\(error)".contains("timed out"), "\(error)")
        }
        // 100 retries a second apart would take 100 s; the bound of 1.5 s ends it long before.
        XCTAssertLessThan(Date().timeIntervalSince(started), 20)
    }

    func testARetryAfterBeyondTheCapEndsAtOnce() throws {
        let server = try TestHTTPServer { _ in
            TestHTTPServer.Response(status: 503, body: Data(#"{"detail": "busy"}"#.utf8), headers: ["Retry-After": "30"])
        }
        defer { server.stop() }
        let slept = Recorder()
        let client = PicselliaClient(
            configuration: PicselliaConfiguration(host: server.baseURL, token: token),
            retryPolicy: RetryPolicy { _ in slept.add(TestHTTPServer.Request(method: "", path: "", query: [:], headers: [:], body: Data())) })
        let started = Date()
        XCTAssertThrowsError(try client.pull(from: reference)) { error in
            XCTAssertTrue("\(error)".contains("retry after 30 s"), "\(error)")
        }
        XCTAssertTrue(slept.requests.isEmpty, "no wait when the server asks for more than the cap")
        XCTAssertLessThan(Date().timeIntervalSince(started), 3)
    }

    func testAShortRetryAfterIsHonoured() {
        let policy = RetryPolicy()
        XCTAssertEqual(policy.delay(beforeRetry: 0, retryAfter: 2), 2)
        XCTAssertEqual(policy.delay(beforeRetry: 0, retryAfter: nil), 1)
    }

    func testServerMessagesAreCutAndTheTokenMasked() throws {
        let long = String(repeating: "x", count: 5000)
        let server = try TestHTTPServer { [token] _ in
            TestHTTPServer.Response(status: 400, body: Data(#"{"detail": "bad \#(token) \#(long)"}"#.utf8))
        }
        defer { server.stop() }
        let client = PicselliaClient(
            configuration: PicselliaConfiguration(host: server.baseURL, token: token), retryPolicy: RetryPolicy { _ in })
        XCTAssertThrowsError(try client.pull(from: reference)) { error in
            let text = "\(error)"
            XCTAssertFalse(text.contains(token))
            XCTAssertTrue(text.contains("<token>"))
            XCTAssertLessThan(text.count, 600)
        }
    }
}
