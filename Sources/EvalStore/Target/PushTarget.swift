import Foundation

/// Where `push` sends an evaluation and `pull` fetches one, parsed from the user's word.
///
/// - `store:NAME`, `store:NAME@VERSION`: the local SQLite store (version only for pulls);
/// - `picsellia:EXPERIMENT_ID` (a UUID) or `picsellia:PROJECT/EXPERIMENT`;
/// - a path ending in `.json`, `~` expanded (any other word is refused).
public enum PushTarget: Equatable, Sendable, CustomStringConvertible {
    case store(name: String, version: Int?)
    case picsellia(PicselliaExperimentReference)
    case file(URL)

    /// Parses a target word. `homeDirectory` expands a leading `~`; relative paths are taken
    /// from the current directory.
    public static func parse(_ text: String, homeDirectory: URL = FileManager.default.homeDirectoryForCurrentUser)
        throws(StoreError) -> PushTarget
    {
        let word = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !word.isEmpty else { throw StoreError.emptyTarget }
        if let rest = word.dropPrefix("store:") { return try parseStore(rest, target: word) }
        if let rest = word.dropPrefix("picsellia:") { return try parsePicsellia(rest, target: word) }
        if let scheme = schemeLookalike(word) {
            throw StoreError.unknownTargetScheme(target: word, scheme: scheme)
        }
        // What push writes and pull reads is a payload, PATH.json beside PATH.confusion-matrix.json:
        // another word is more likely a message or a typo than a file to create.
        guard word.lowercased().hasSuffix(".json") else { throw StoreError.fileTargetNotJSON(target: word) }
        return .file(expandPath(word, homeDirectory: homeDirectory))
    }

    public var description: String {
        switch self {
        case .store(let name, nil): return "store:\(name)"
        case .store(let name, let version?): return "store:\(name)@\(version)"
        case .picsellia(let reference): return reference.description
        case .file(let url): return url.path
        }
    }

    private static func parseStore(_ rest: Substring, target: String) throws(StoreError) -> PushTarget {
        let parts = rest.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !name.contains(where: \.isNewline) else {
            throw StoreError.invalidStoreName(target: target)
        }
        guard parts.count == 2 else { return .store(name: name, version: nil) }
        guard let version = Int(parts[1]), version >= 1 else {
            throw StoreError.invalidVersion(target: target, version: String(parts[1]))
        }
        return .store(name: name, version: version)
    }

    private static func parsePicsellia(_ rest: Substring, target: String) throws(StoreError) -> PushTarget {
        if let id = UUID(uuidString: String(rest)) { return .picsellia(.id(id)) }
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw StoreError.invalidPicselliaTarget(target: target)
        }
        return .picsellia(.names(project: String(parts[0]), experiment: String(parts[1])))
    }

    /// `stor:x` or `s3:bucket` look like a mistyped or unsupported scheme rather than a file
    /// name; refusing them avoids silently writing a file called `stor:x`.
    private static func schemeLookalike(_ word: String) -> String? {
        guard let colon = word.firstIndex(of: ":") else { return nil }
        let scheme = word[..<colon]
        guard scheme.count >= 2, scheme.first!.isLetter,
            scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." })
        else { return nil }
        return String(scheme)
    }

    private static func expandPath(_ word: String, homeDirectory: URL) -> URL {
        if word == "~" { return homeDirectory.standardizedFileURL }
        if let rest = word.dropPrefix("~/") {
            return homeDirectory.appendingPathComponent(String(rest)).standardizedFileURL
        }
        return URL(fileURLWithPath: word).standardizedFileURL
    }
}

extension String {
    fileprivate func dropPrefix(_ prefix: String) -> Substring? {
        hasPrefix(prefix) ? self[index(startIndex, offsetBy: prefix.count)...] : nil
    }
}
