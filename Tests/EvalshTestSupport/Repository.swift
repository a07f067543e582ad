import Foundation

/// The package's own checkout, for tests that read its files (examples) or run its binary.
public enum Repository {
    /// The package root: this file is <root>/Tests/EvalshTestSupport/Repository.swift.
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A file the repository holds (an example, a fixture), by its path from the root. Missing,
    /// it is a failure, not a skip: it is part of the checkout.
    public static func file(_ relativePath: String) throws(Missing) -> String {
        let path = root.appendingPathComponent(relativePath).path
        guard FileManager.default.fileExists(atPath: path) else { throw Missing(path: path) }
        return path
    }

    /// A repository file that is not there.
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "\(path) is missing from the checkout (it is part of the repository)" }
    }
}
