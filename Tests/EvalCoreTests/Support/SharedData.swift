import Foundation
import XCTest

/// The read-only `shared/data` folder next to the package (`<package root>/../shared`, where CI
/// puts it; a worktree one level deeper finds it at `../../shared`).
enum SharedData {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The folder, or an `XCTSkip` naming where it was looked for.
    static func folder(_ relative: String) throws -> URL {
        let candidates = ["../shared", "../../shared"].map {
            packageRoot.appendingPathComponent($0).appendingPathComponent("data").appendingPathComponent(relative)
                .standardizedFileURL
        }
        guard let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw XCTSkip("shared data absent (looked for \(candidates.map(\.path).joined(separator: ", ")))")
        }
        return found
    }

    /// A file of `Tests/EvalCoreTests/Fixtures`.
    static func fixture(_ name: String) throws -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw COCOJSON.Failure(description: "fixture \(name) missing from the test bundle")
        }
        return url
    }

    static func fixtureNames(prefix: String) throws -> [String] {
        guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }
}
