import Foundation

/// How often and how patiently a request answered by 429 or 5xx is tried again.
///
/// The sleep is injectable so that tests exercise the retries without waiting.
public struct RetryPolicy: Sendable {
    /// Retries after the first attempt (so `maxRetries + 1` attempts in all).
    public var maxRetries: Int
    /// Delay before the first retry; each next one doubles it.
    public var initialDelay: TimeInterval
    /// Upper bound on any delay; a server's `Retry-After` beyond it ends the retries at once
    /// (waiting 30 s three times is no answer for a shell).
    public var maximumDelay: TimeInterval
    public var sleep: @Sendable (TimeInterval) -> Void

    public init(
        maxRetries: Int = 3, initialDelay: TimeInterval = 1, maximumDelay: TimeInterval = 10,
        sleep: @escaping @Sendable (TimeInterval) -> Void = { Thread.sleep(forTimeInterval: $0) }
    ) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maximumDelay = maximumDelay
        self.sleep = sleep
    }

    /// The wait before retry number `retry` (0-based), preferring the server's `Retry-After`.
    func delay(beforeRetry retry: Int, retryAfter: TimeInterval?) -> TimeInterval {
        let backoff = initialDelay * pow(2, Double(retry))
        return min(retryAfter ?? backoff, maximumDelay)
    }
}
