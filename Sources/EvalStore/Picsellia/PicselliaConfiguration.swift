import Foundation

/// Where and as whom the Picsellia client talks. The token is kept out of every description.
public struct PicselliaConfiguration: Sendable, CustomStringConvertible {
    public static let defaultHost = URL(string: "https://app.picsellia.com")!

    public var host: URL
    public var token: String
    /// Seconds a single request may take; uploads of large evaluations need minutes.
    public var requestTimeout: TimeInterval

    public init(host: URL = PicselliaConfiguration.defaultHost, token: String, requestTimeout: TimeInterval = 300) {
        self.host = host
        self.token = token
        self.requestTimeout = requestTimeout
    }

    /// Reads `PICSELLIA_TOKEN` (required) and `PICSELLIA_HOST` (optional) the way the SDK does.
    public init(environment: [String: String]) throws {
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
        self.init(host: host, token: token)
    }

    public var description: String { "Picsellia at \(host.absoluteString) (token set)" }
}
