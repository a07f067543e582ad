/// Reads Ultralytics/darknet YOLO folders into a `LabeledSet`, one file per image, on every core.
public enum YOLOReader {
    /// A dataset through its `data.yaml`: the images of the split (every image counts, one
    /// without a label file has no boxes), their sizes from their headers, the labels beside them.
    public static func readDataset(config path: String, split: String? = nil) throws(FormatError) -> LabeledSet {
        let config = try YOLODataConfig.read(path: path)
        let (chosen, imagePaths) = try config.images(split: split)
        guard !imagePaths.isEmpty else {
            throw .located(file: path, line: nil, column: nil, message: "split '\(chosen)' has no images")
        }
        let names = config.names
        let read = try parallelMap(imagePaths) { (image: String) throws(FormatError) -> (LabeledImage, YOLOLabelFile) in
            let size = try ImageHeader.size(path: image)
            let labelPath = YOLODataConfig.labelPath(forImage: image)
            let labels = FileTree.isFile(labelPath)
                ? try checked(YOLOLabelFile.read(path: labelPath), names: names, file: labelPath)
                : YOLOLabelFile(boxes: [], outside: 0, firstOutsideLine: 0)
            let item = LabeledImage(
                key: FileTree.stem(image), fileName: FileTree.baseName(image), width: Double(size.width),
                height: Double(size.height), boxes: labels.boxes, source: FileTree.isFile(labelPath) ? labelPath : image)
            return (item, labels)
        }
        let set = LabeledSet(
            description: "YOLO dataset \(path) (split \(chosen), \(read.count) images)", format: .yolo, names: names,
            images: read.map(\.0), normalized: true, warnings: outsideWarning(read.map { ($0.0.source, $0.1) }))
        try set.checkUniqueKeys()
        return set
    }

    /// A folder of label or prediction files (`.txt`, names files left out). `names` come from
    /// `namesFile`, else from a names file beside the folder or in its parent, else stay nil
    /// (the ground truth's order). Sizes come from `images` when given, whose images without a
    /// label file belong to the set too (with no boxes), as in Ultralytics.
    public static func readFolder(
        _ folder: String, namesFile: String? = nil, images: ImageFolder? = nil
    ) throws(FormatError) -> LabeledSet {
        let files = labelFiles(in: folder)
        guard !files.isEmpty else {
            throw .located(file: folder, line: nil, column: nil, message: "no YOLO label files (.txt) in the folder")
        }
        let namesPath = namesFile ?? YOLONames.find(near: folder)
        let names = try namesPath.map { (p: String) throws(FormatError) in try YOLONames.read(path: p) }
        let read = try parallelMap(files) { (file: String) throws(FormatError) -> (LabeledImage, YOLOLabelFile) in
            let labels = try checked(YOLOLabelFile.read(path: file), names: names, file: file)
            let key = FileTree.stem(file)
            var item = LabeledImage(key: key, fileName: key, boxes: labels.boxes, source: file)
            if let images {
                let size = try images.size(key: key, for: file)
                item.width = Double(size.width)
                item.height = Double(size.height)
                item.fileName = FileTree.baseName(images.images[key]!)
            }
            return (item, labels)
        }
        var labeled = read.map(\.0)
        if let images {  // the images folder is the image set: an image without a label file has no boxes
            let keys = Set(labeled.map(\.key))
            for (key, path) in images.images.sorted(by: { $0.key < $1.key }) where !keys.contains(key) {
                let size = try ImageHeader.size(path: path)
                labeled.append(LabeledImage(key: key, fileName: FileTree.baseName(path), width: Double(size.width),
                                            height: Double(size.height), source: path))
            }
        }
        let scored = read.contains { $0.0.boxes.contains { !$0.score.isNaN } }
        if scored, let (file, box) = read.lazy.flatMap({ r in r.0.boxes.map { (r.0.source, $0) } }).first(where: { $0.1.score.isNaN }) {
            throw .located(file: file, line: box.line, column: nil,
                           message: "no confidence (5 fields) in a folder of predictions (6 fields: class cx cy w h conf)")
        }
        var description = "YOLO \(scored ? "predictions" : "labels") \(folder) (\(files.count) files"
        description += namesPath.map { ", names from \($0))" } ?? ")"
        let set = LabeledSet(
            description: description, format: .yolo, names: names, images: labeled, normalized: true,
            warnings: outsideWarning(read.map { ($0.0.source, $0.1) }))
        try set.checkUniqueKeys()
        return set
    }

    /// The label files of a folder: its `.txt` files (recursively), names files left out.
    static func labelFiles(in folder: String) -> [String] {
        FileTree.files(in: folder, extensions: ["txt"], recursive: true)
            .filter { !YOLONames.candidates.contains(FileTree.baseName($0)) }
    }

    /// The `images` folder that Ultralytics pairs with a `labels` folder (`…/labels/val` →
    /// `…/images/val`), else the labels folder itself when images lie beside the labels (darknet's
    /// `obj_train_data/`), if any.
    public static func imagesFolder(forLabels folder: String) -> String? {
        if let paired = pairedImagesFolder(folder) { return paired }
        return FileTree.files(in: folder, extensions: FileTree.imageExtensions).isEmpty ? nil : folder
    }

    private static func pairedImagesFolder(_ folder: String) -> String? {
        var parts = folder.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        while parts.count > 1 && parts.last == "" { parts.removeLast() }
        guard let at = parts.lastIndex(of: "labels") else { return nil }
        parts[at] = "images"
        let candidate = parts.joined(separator: "/")
        return FileTree.isDirectory(candidate) ? candidate : nil
    }

    private static func checked(_ file: YOLOLabelFile, names: [String]?, file path: String) throws(FormatError)
        -> YOLOLabelFile
    {
        guard let names else { return file }
        for box in file.boxes {
            if case .index(let index) = box.label, index >= names.count {
                throw .located(file: path, line: box.line, column: 1,
                               message: "class \(index) is outside names (\(names.count) classes: 0…\(names.count - 1))")
            }
        }
        return file
    }

    private static func outsideWarning(_ files: [(String, YOLOLabelFile)]) -> [String] {
        let outside = files.filter { $0.1.outside > 0 }
        guard let first = outside.first else { return [] }
        let boxes = outside.reduce(0) { $0 + $1.1.outside }
        return ["\(boxes) box(es) in \(outside.count) file(s) have coordinates outside [0, 1], kept as they are "
            + "(first: \(first.0):\(first.1.firstOutsideLine))"]
    }
}
