import Foundation

/// Completes file and directory names, for the words after `load`, `source`, `show` and
/// similar statements. Directories get a trailing `/`; a leading `~` is expanded for the
/// lookup but kept in the candidates, so they extend exactly what the user typed.
public struct PathCompleter: Sendable {
    /// The directory `~` stands for.
    public var homeDirectory: String
    /// The directory relative paths are resolved against.
    public var workingDirectory: String

    public init(
        homeDirectory: String = NSHomeDirectory(),
        workingDirectory: String = FileManager.default.currentDirectoryPath
    ) {
        self.homeDirectory = homeDirectory
        self.workingDirectory = workingDirectory
    }

    /// The paths that start with `prefix`, sorted. Hidden entries appear only when the typed
    /// name starts with a dot.
    public func candidates(for prefix: String) -> [String] {
        let slash = prefix.lastIndex(of: "/")
        let typedDirectory = slash.map { String(prefix[...$0]) } ?? ""
        let namePrefix = slash.map { String(prefix[prefix.index(after: $0)...]) } ?? prefix
        if typedDirectory.isEmpty, namePrefix.hasPrefix("~"), !namePrefix.contains("/") {
            return namePrefix == "~" ? ["~/"] : []
        }

        let directory = resolve(typedDirectory)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            return []
        }
        return names
            .filter { $0.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.hasPrefix(".")) }
            .map { name in
                var isDirectory: ObjCBool = false
                let path = (directory as NSString).appendingPathComponent(name)
                let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
                return typedDirectory + name + (exists && isDirectory.boolValue ? "/" : "")
            }
            .sorted()
    }

    /// The absolute directory a typed directory part (possibly empty, `~/…` or relative)
    /// names.
    private func resolve(_ typedDirectory: String) -> String {
        if typedDirectory.isEmpty { return workingDirectory }
        if typedDirectory == "~/" || typedDirectory.hasPrefix("~/") {
            return homeDirectory + typedDirectory.dropFirst()
        }
        if typedDirectory.hasPrefix("/") { return typedDirectory }
        return (workingDirectory as NSString).appendingPathComponent(typedDirectory)
    }
}
