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
/// The session is ephemeral: nothing (answers holding evaluations, credentials) is cached on disk.
struct HTTPTransport: Sendable {
    private let session: URLSession

    init(timeout: TimeInterval) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    /// Sends `request` and waits for the answer; transport failures throw the `URLError`.
    func send(_ request: URLRequest) throws -> HTTPResponse {
        let outcome = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { data, response, error in
            if let error {
                outcome.result = .failure(error)
            } else if let response = response as? HTTPURLResponse {
                var headers: [String: String] = [:]
                for (key, value) in response.allHeaderFields {
                    headers[String(describing: key)] = String(describing: value)
                }
                outcome.result = .success(HTTPResponse(status: response.statusCode, headers: headers, body: data ?? Data()))
            } else {
                outcome.result = .failure(URLError(.badServerResponse))
            }
            done.signal()
        }
        task.resume()
        done.wait()
        return try outcome.result!.get()
    }
}

/// Carries the completion handler's result to the waiting thread; the semaphore orders the
/// write before the read, which is why the unchecked `Sendable` is sound.
private final class OutcomeBox: @unchecked Sendable {
    var result: Result<HTTPResponse, Error>?
}
