/// Class names of a YOLO dataset: a `data.yaml`'s `names` (a list, or a map from index to name),
/// or a names file with one name per line (`classes.txt`, darknet's `obj.names`).
public enum YOLONames {
    /// File names searched for a names file beside a labels folder and in its parent.
    static let candidates = ["data.yaml", "dataset.yaml", "obj.names", "classes.txt", "classes.names", "coco.names"]

    /// Reads a names file: YAML (`.yaml`, `.yml`) through `YOLODataConfig`, else a line per name.
    public static func read(path: String) throws(FormatError) -> [String] {
        let ext = FileTree.fileExtension(path)
        if ext == "yaml" || ext == "yml" { return try YOLODataConfig.read(path: path).names }
        let source = try SourceBytes(path: path)
        let text = String(decoding: source.buffer, as: UTF8.self)
        var names: [String] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let name = line.trimmingCharacters(in: " \t\r")
            if !name.isEmpty { names.append(name) }
        }
        guard !names.isEmpty else {
            throw .located(file: path, line: nil, column: nil, message: "no class names (one name per line expected)")
        }
        return names
    }

    /// The first names file in `folder`, its parent or its grandparent (`labels/val` → the
    /// dataset's `data.yaml`), if any.
    public static func find(near folder: String) -> String? {
        let parent = FileTree.directory(of: folder)
        for directory in [folder, parent, FileTree.directory(of: parent)] {
            for name in candidates {
                let path = FileTree.join(directory, name)
                if FileTree.isFile(path) { return path }
            }
            if let other = FileTree.files(in: directory, extensions: ["names"]).first { return other }
        }
        return nil
    }
}

extension Substring {
    func trimmingCharacters(in set: String) -> String {
        let chars = Set(set)
        var slice = self[...]
        while let first = slice.first, chars.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, chars.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
