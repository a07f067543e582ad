import Foundation

/// Where and as whom the Picsellia client talks. The token is kept out of every description.
public struct PicselliaConfiguration: Sendable, CustomStringConvertible {
    public static let defaultHost = URL(string: "https://app.picsellia.com")!

    public var host: URL
    public var token: String
    /// Seconds a single request may wait for its answer (`EVALSH_HTTP_TIMEOUT`, default 30).
    public var requestTimeout: TimeInterval
    /// Seconds a whole push or pull may take, retries and their waits included
    /// (`EVALSH_PUSH_TIMEOUT`, default 300).
    public var totalTimeout: TimeInterval

    public static let defaultRequestTimeout: TimeInterval = 30
    public static let defaultTotalTimeout: TimeInterval = 300

    public init(
        host: URL = PicselliaConfiguration.defaultHost, token: String,
        requestTimeout: TimeInterval = PicselliaConfiguration.defaultRequestTimeout,
        totalTimeout: TimeInterval = PicselliaConfiguration.defaultTotalTimeout
    ) {
        self.host = host
        self.token = token
        self.requestTimeout = requestTimeout
        self.totalTimeout = totalTimeout
    }

    /// Reads `PICSELLIA_TOKEN` (required) and `PICSELLIA_HOST` (optional) the way the SDK does.
    public init(environment: [String: String]) throws(StoreError) {
        guard let token = environment["PICSELLIA_TOKEN"]?.trimmingCharacters(in: .whitespacesAndNewlines),
            !token.isEmpty
        else { throw StoreError.missingToken }
        var host = Self.defaultHost
        if let text = environment["PICSELLIA_HOST"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            let trimmed = text.hasSuffix("/") ? String(text.dropLast()) : text
            guard let url = URL(string: trimmed), ["http", "https"].contains(url.scheme?.lowercased() ?? ""),
                url.host != nil
            else { throw StoreError.invalidHost(host: text) }
            host = url
        }
        self.init(
            host: host, token: token,
            requestTimeout: try Self.seconds("EVALSH_HTTP_TIMEOUT", environment) ?? Self.defaultRequestTimeout,
            totalTimeout: try Self.seconds("EVALSH_PUSH_TIMEOUT", environment) ?? Self.defaultTotalTimeout)
    }

    /// A positive number of seconds from the environment, nil when unset.
    private static func seconds(_ name: String, _ environment: [String: String]) throws(StoreError) -> TimeInterval? {
        guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let value = TimeInterval(text), value.isFinite, value > 0 else {
            throw StoreError.invalidSetting(name: name, value: text, expected: "a positive number of seconds")
        }
        return value
    }

    public var description: String { "Picsellia at \(host.absoluteString) (token set)" }
}
