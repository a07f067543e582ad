/// Reads a CVAT "for images 1.1" XML export: `<annotations>` with the label list under
/// `meta/…/labels` (its order is the label map) and an `<image name width height>` per image
/// holding `<box label xtl ytl xbr ybr>` elements (other shapes are left out and counted).
public enum CVATReader {
    public static func read(path: String) throws(FormatError) -> LabeledSet {
        let root = try XMLNode.parse(SourceBytes(path: path))
        guard root.name == "annotations" else {
            throw .located(file: path, line: root.line, column: nil,
                           message: "the root element is <\(root.name)>, not CVAT's <annotations>")
        }
        var declared: [String] = []
        if let meta = root.child("meta") {
            for holder in meta.children where holder.name == "task" || holder.name == "project" {
                for label in holder.child("labels")?.children("label") ?? [] {
                    if let name = label.value("name"), !declared.contains(name) { declared.append(name) }
                }
            }
        }
        var images: [LabeledImage] = []
        var otherShapes = 0
        for element in root.children("image") {
            guard let name = element.attributes["name"] else {
                throw .located(file: path, line: element.line, column: nil, message: "<image> without a name")
            }
            var image = LabeledImage(
                key: FileTree.stem(name), fileName: FileTree.baseName(name),
                width: try attribute(element, "width", path), height: try attribute(element, "height", path),
                source: path)
            for shape in element.children {
                guard shape.name == "box" else {
                    if shape.name != "tag" { otherShapes += 1 }
                    continue
                }
                guard let label = shape.attributes["label"] else {
                    throw .located(file: path, line: shape.line, column: nil, message: "<box> without a label")
                }
                let x0 = try attribute(shape, "xtl", path), y0 = try attribute(shape, "ytl", path)
                let x1 = try attribute(shape, "xbr", path), y1 = try attribute(shape, "ybr", path)
                let score = try shape.attributes["score"] != nil ? attribute(shape, "score", path) : .nan
                image.boxes.append(LabeledBox(label: .name(label), x: x0, y: y0, width: x1 - x0, height: y1 - y0,
                                              score: score, line: shape.line))
            }
            images.append(image)
        }
        let set = LabeledSet(
            description: "CVAT for images 1.1 \(path) (\(images.count) images)", format: .cvat,
            names: declared.isEmpty ? nil : declared, images: images, normalized: false,
            warnings: otherShapes > 0 ? ["\(path): \(otherShapes) shape(s) other than boxes left out"] : [])
        try set.checkUniqueKeys()
        return set
    }

    static func attribute(_ node: XMLNode, _ name: String, _ file: String) throws(FormatError) -> Double {
        guard let text = node.attributes[name] else {
            throw .located(file: file, line: node.line, column: nil, message: "<\(node.name)> without \(name)")
        }
        guard let value = Double(text), value.isFinite else {
            throw .located(file: file, line: node.line, column: nil, message: "<\(node.name)> \(name)=\"\(text)\" is not a number")
        }
        return value
    }
}
