/// Reads Pascal VOC annotations: a folder of XML files (a devkit's `Annotations/`), one per
/// image, each `<annotation>` with `filename`, `size/width,height` and `object`s (`name`,
/// `bndbox/xmin,ymin,xmax,ymax`, optional `difficult` and `score`/`confidence`).
///
/// Boxes are taken as written: x = xmin, width = xmax − xmin (no +1, as globox and
/// Ultralytics' converters do). `difficult` objects are evaluated like COCO's crowd boxes: a
/// prediction matched to one is neither a true nor a false positive.
public enum VOCReader {
    public static func readFolder(_ folder: String) throws(FormatError) -> LabeledSet {
        var directory = folder
        let annotations = FileTree.join(folder, "Annotations")
        if FileTree.isDirectory(annotations) { directory = annotations }
        let files = FileTree.files(in: directory, extensions: ["xml"], recursive: true)
        guard !files.isEmpty else {
            throw .located(file: folder, line: nil, column: nil, message: "no VOC XML files in the folder")
        }
        let images = try parallelMap(files) { (file: String) throws(FormatError) in try readFile(file) }
        let scored = images.contains { $0.boxes.contains { !$0.score.isNaN } }
        let set = LabeledSet(
            description: "Pascal VOC \(scored ? "predictions" : "annotations") \(directory) (\(files.count) files)",
            format: .voc, names: nil, images: images, normalized: false)
        try set.checkUniqueKeys()
        return set
    }

    public static func readFile(_ path: String) throws(FormatError) -> LabeledImage {
        let root = try XMLNode.parse(SourceBytes(path: path))
        guard root.name == "annotation" else {
            throw .located(file: path, line: root.line, column: nil,
                           message: "the root element is <\(root.name)>, not VOC's <annotation>")
        }
        let fileName = root.value("filename").flatMap { $0.isEmpty ? nil : $0 } ?? FileTree.stem(path)
        var image = LabeledImage(key: FileTree.stem(fileName), fileName: fileName, source: path)
        if let size = root.child("size") {
            image.width = try number(size, "width", path)
            image.height = try number(size, "height", path)
        }
        for object in root.children("object") {
            guard let name = object.value("name"), !name.isEmpty else {
                throw .located(file: path, line: object.line, column: nil, message: "<object> without a <name>")
            }
            guard let box = object.child("bndbox") else {
                throw .located(file: path, line: object.line, column: nil, message: "<object> \"\(name)\" without a <bndbox>")
            }
            let xmin = try number(box, "xmin", path), ymin = try number(box, "ymin", path)
            let xmax = try number(box, "xmax", path), ymax = try number(box, "ymax", path)
            let difficult = object.value("difficult").map { $0 == "1" || $0 == "true" } ?? false
            let score = try (object.child("score") != nil ? number(object, "score", path)
                : object.child("confidence") != nil ? number(object, "confidence", path) : .nan)
            image.boxes.append(LabeledBox(label: .name(name), x: xmin, y: ymin, width: xmax - xmin, height: ymax - ymin,
                                          score: score, ignored: difficult, line: object.line))
        }
        return image
    }

    static func number(_ node: XMLNode, _ name: String, _ file: String) throws(FormatError) -> Double {
        guard let text = node.value(name) else {
            throw .located(file: file, line: node.line, column: nil, message: "<\(node.name)> without <\(name)>")
        }
        guard let value = Double(text), value.isFinite else {
            throw .located(file: file, line: node.child(name)!.line, column: nil,
                           message: "<\(name)> is \"\(text)\", not a number")
        }
        return value
    }
}
