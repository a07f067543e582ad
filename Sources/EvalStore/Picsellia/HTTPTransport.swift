import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// One HTTP exchange's answer.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data

    func header(_ name: String) -> String? {
        headers.first { $0.key.caseInsensitiveCompare(name) == .orderedSame }?.value
    }
}

/// A blocking HTTP client over `URLSession`, for the synchronous shell.
///
/// The session is ephemeral: nothing (answers holding evaluations, credentials) is cached on
/// disk. Redirects are followed only within the request's origin (scheme, host and port):
/// a redirect elsewhere is not followed and its 3xx answer is returned, so the token and the
/// organization header never reach another host. `timeout` bounds the wait for each answer.
struct HTTPTransport: Sendable {
    let timeout: TimeInterval

    init(timeout: TimeInterval) {
        self.timeout = timeout
    }

    /// Sends `request` and waits for the answer, at most `timeout` seconds (or `limit` when
    /// smaller: what remains of a push's bound); transport failures throw the `URLError`.
    func send(_ request: URLRequest, limit: TimeInterval? = nil) throws -> HTTPResponse {
        let wait = max(0.001, min(timeout, limit ?? timeout))
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = wait
        configuration.timeoutIntervalForResource = wait
        configuration.urlCache = nil
        let exchange = Exchange()
        let session = URLSession(configuration: configuration, delegate: exchange, delegateQueue: nil)
        defer { session.finishTasksAndInvalidate() }
        var request = request
        request.timeoutInterval = wait
        session.dataTask(with: request).resume()
        // The session's own timeout should end the task; this wait is the backstop.
        guard exchange.done.wait(timeout: .now() + wait + 5) == .success else {
            session.invalidateAndCancel()
            throw URLError(.timedOut)
        }
        return try exchange.result!.get()
    }

    /// Whether `a` and `b` have the same origin: scheme, host and port.
    static func sameOrigin(_ a: URL, _ b: URL) -> Bool {
        func port(_ url: URL) -> Int? { url.port ?? (url.scheme?.lowercased() == "https" ? 443 : url.scheme?.lowercased() == "http" ? 80 : nil) }
        return a.scheme?.lowercased() == b.scheme?.lowercased() && a.host?.lowercased() == b.host?.lowercased()
            && port(a) == port(b)
    }
}

/// One request's delegate: collects the body, refuses cross-origin redirects, and hands the
/// outcome to the waiting thread (the semaphore orders the writes before the read, which is
/// why the unchecked `Sendable` is sound).
private final class Exchange: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let done = DispatchSemaphore(value: 0)
    var result: Result<HTTPResponse, Error>?
    private var body = Data()

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        guard let from = task.originalRequest?.url, let to = request.url, HTTPTransport.sameOrigin(from, to) else {
            completionHandler(nil)
            return
        }
        completionHandler(request)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        body.append(data)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        if let error {
            result = .failure(error)
        } else if let response = task.response as? HTTPURLResponse {
            var headers: [String: String] = [:]
            for (key, value) in response.allHeaderFields {
                headers[String(describing: key)] = String(describing: value)
            }
            result = .success(HTTPResponse(status: response.statusCode, headers: headers, body: body))
        } else {
            result = .failure(URLError(.badServerResponse))
        }
        done.signal()
    }
}
