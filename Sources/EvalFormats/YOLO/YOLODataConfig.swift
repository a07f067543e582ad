#if canImport(Yams)
import Yams
#endif

/// An Ultralytics dataset file (`data.yaml`): `path` (the root, relative to the file's folder
/// when relative; the file's folder when it does not exist here), the splits `train`/`val`/`test` (each a folder of images, a `.txt` list of
/// image paths, or a list of either) and `names` (a list, or a map from index to name).
public struct YOLODataConfig: Sendable {
    public var file: String
    public var root: String
    public var names: [String]
    public var splits: [String: [String]]

    public static func read(path: String) throws(FormatError) -> YOLODataConfig {
        let source = try SourceBytes(path: path)
        let text = String(decoding: source.buffer, as: UTF8.self)
        let loaded = try parseYAML(text, file: path)
        guard let map = loaded as? [String: Any] else {
            throw .located(file: path, line: nil, column: nil, message: "expected a YAML mapping (path, val, names)")
        }
        let names = try readNames(map["names"], file: path)
        if let count = map["nc"] as? Int, count != names.count {
            throw .located(file: path, line: nil, column: nil,
                           message: "nc is \(count) but names lists \(names.count) classes")
        }
        let folder = FileTree.directory(of: path)
        var root = folder
        if let declared = map["path"] as? String, !declared.isEmpty {
            root = declared.hasPrefix("/") ? declared : FileTree.join(folder, declared)
            if !FileTree.isDirectory(root) {
                // relative to the working folder, or (a dataset moved since training) the file's folder
                root = FileTree.isDirectory(declared) ? declared : folder
            }
        }
        var splits: [String: [String]] = [:]
        for split in ["train", "val", "test"] {
            switch map[split] {
            case let one as String: splits[split] = [FileTree.join(root, one)]
            case let many as [Any]: splits[split] = many.compactMap { $0 as? String }.map { FileTree.join(root, $0) }
            default: break
            }
        }
        return YOLODataConfig(file: path, root: root, names: names, splits: splits)
    }

    private static func readNames(_ value: Any?, file: String) throws(FormatError) -> [String] {
        if let list = value as? [Any] {
            return list.map { "\($0)" }
        }
        if let map = value as? [AnyHashable: Any] {
            var byIndex: [Int: String] = [:]
            for (key, name) in map {
                guard let index = (key.base as? Int) ?? Int("\(key.base)") else {
                    throw .located(file: file, line: nil, column: nil, message: "names: key \"\(key)\" is not a class index")
                }
                byIndex[index] = "\(name)"
            }
            let count = byIndex.count
            guard (0..<count).allSatisfy({ byIndex[$0] != nil }) else {
                throw .located(file: file, line: nil, column: nil,
                               message: "names: the indices are not 0…\(count - 1) (\(byIndex.keys.sorted()))")
            }
            return (0..<count).map { byIndex[$0]! }
        }
        throw .located(file: file, line: nil, column: nil,
                       message: "no 'names' (a list of class names, or a map from index to name)")
    }

    /// The document as Yams reads it. The fuzzing build (`scripts/fuzz`, plain `swiftc` without
    /// SwiftPM's packages) has no Yams: there a `data.yaml` is refused with a message.
    private static func parseYAML(_ text: String, file path: String) throws(FormatError) -> Any? {
        #if canImport(Yams)
        do {
            return try Yams.load(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, file: path)
        } catch {
            throw .located(file: path, line: nil, column: nil, message: "not YAML: \(error)")
        }
        #else
        throw .located(file: path, line: nil, column: nil, message: "this build of evalsh reads no YAML")
        #endif
    }

    #if canImport(Yams)
    private static func yamlError(_ error: YamlError, file: String) -> FormatError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
            return .located(file: file, line: mark.line, column: mark.column, message: "not YAML: \(problem)")
        default:
            return .located(file: file, line: nil, column: nil, message: "not YAML: \(error)")
        }
    }
    #endif

    /// The images of `split` (`val`, else `test`), sorted, with the label file Ultralytics pairs
    /// with each (`…/images/…/x.jpg` → `…/labels/…/x.txt`).
    public func images(split: String?) throws(FormatError) -> (split: String, images: [String]) {
        let chosen = split ?? (splits["val"] != nil ? "val" : "test")
        guard let entries = splits[chosen] else {
            throw .located(file: file, line: nil, column: nil,
                           message: "no '\(chosen)' split (has: \(splits.keys.sorted().joined(separator: ", ")))")
        }
        var images: [String] = []
        for entry in entries {
            if FileTree.isDirectory(entry) {
                images += FileTree.files(in: entry, extensions: FileTree.imageExtensions, recursive: true)
            } else if FileTree.fileExtension(entry) == "txt", FileTree.isFile(entry) {
                let listing = try SourceBytes(path: entry)
                let base = FileTree.directory(of: entry)
                for line in String(decoding: listing.buffer, as: UTF8.self).split(whereSeparator: \.isNewline) {
                    let name = line.trimmingCharacters(in: " \t\r")
                    if name.isEmpty { continue }
                    images.append(name.hasPrefix("./") ? FileTree.join(base, String(name.dropFirst(2))) : FileTree.join(base, name))
                }
            } else {
                throw .located(file: file, line: nil, column: nil,
                               message: "split '\(chosen)': \(entry) is neither a folder of images nor a .txt list")
            }
        }
        return (chosen, images)
    }

    /// Ultralytics' `img2label_paths`: the last `/images/` becomes `/labels/`, the extension `.txt`.
    public static func labelPath(forImage image: String) -> String {
        var path = image
        let marker = Array("/images/".utf8), bytes = Array(path.utf8)
        let last = bytes.count >= marker.count
            ? stride(from: bytes.count - marker.count, through: 0, by: -1).first { Array(bytes[$0..<$0 + marker.count]) == marker }
            : nil
        if let start = last {
            path = String(decoding: bytes[..<start], as: UTF8.self) + "/labels/"
                + String(decoding: bytes[(start + marker.count)...], as: UTF8.self)
        } else if path.hasPrefix("images/") {
            path = "labels/" + path.dropFirst(7)
        }
        let dir = FileTree.directory(of: path)
        return FileTree.join(dir, FileTree.stem(path) + ".txt")
    }
}
