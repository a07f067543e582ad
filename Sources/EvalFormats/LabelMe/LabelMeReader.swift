#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import EvalCore

/// Reads LabelMe JSON files (one per image: `imagePath`, `imageWidth`, `imageHeight`, `shapes`),
/// keeping `rectangle` shapes (two corner points, in either order); other shapes are left out and
/// counted in a warning.
public enum LabelMeReader {
    public static func readFolder(_ folder: String) throws(FormatError) -> LabeledSet {
        let files = FileTree.files(in: folder, extensions: ["json"], recursive: true)
        guard !files.isEmpty else {
            throw .located(file: folder, line: nil, column: nil, message: "no LabelMe .json files in the folder")
        }
        return try read(files, description: "LabelMe \(folder) (\(files.count) files)")
    }

    public static func read(_ files: [String], description: String) throws(FormatError) -> LabeledSet {
        let read = try parallelMap(files) { (file: String) throws(FormatError) in try readFile(file) }
        let skipped = read.reduce(0) { $0 + $1.skipped }
        let set = LabeledSet(
            description: description, format: .labelMe, names: nil, images: read.map(\.image), normalized: false,
            warnings: skipped > 0 ? ["\(skipped) LabelMe shape(s) other than rectangles left out"] : [])
        try set.checkUniqueKeys()
        return set
    }

    public static func readFile(_ path: String) throws(FormatError) -> (image: LabeledImage, skipped: Int) {
        let json = try JSONValueParser.parse(path: path)
        guard let shapes = json["shapes"]?.array else {
            throw .shape(file: path, path: "shapes", message: "a LabelMe file needs a 'shapes' list")
        }
        let imagePath = json["imagePath"]?.string ?? FileTree.stem(path)
        var image = LabeledImage(
            key: FileTree.stem(imagePath), fileName: FileTree.baseName(imagePath),
            width: json["imageWidth"]?.number, height: json["imageHeight"]?.number, source: path)
        var skipped = 0
        for (i, shape) in shapes.enumerated() {
            guard (shape["shape_type"]?.string ?? "polygon") == "rectangle" else {
                skipped += 1
                continue
            }
            guard let label = shape["label"]?.string else {
                throw .shape(file: path, path: "shapes[\(i)].label", message: "expected a class name")
            }
            guard let points = shape["points"]?.array, points.count == 2,
                let a = points[0].array?.compactMap(\.number), let b = points[1].array?.compactMap(\.number),
                a.count == 2, b.count == 2
            else {
                throw .shape(file: path, path: "shapes[\(i)].points", message: "a rectangle needs two [x, y] points")
            }
            let score = shape["score"]?.number ?? shape["confidence"]?.number ?? .nan
            image.boxes.append(LabeledBox(
                label: .name(label), x: min(a[0], b[0]), y: min(a[1], b[1]), width: abs(b[0] - a[0]),
                height: abs(b[1] - a[1]), score: score))
        }
        return (image, skipped)
    }

    /// True when the JSON file is a LabelMe document (an object with `shapes`).
    static func isLabelMe(_ path: String) -> Bool {
        guard let json = try? JSONValueParser.parse(path: path) else { return false }
        return json["shapes"]?.array != nil
    }

    /// A cheap guess, from the first 64 KiB, that a `.json` file is a LabelMe document rather
    /// than COCO or a Picsellia log: an object naming `shapes` and `imagePath` and none of the
    /// keys of the others. `load` then reads it as a dataset file; a wrong guess still gets the
    /// LabelMe reader's error, which names the key it missed.
    static func looksLikeLabelMe(_ path: String) -> Bool {
        // Only a regular file: opening a FIFO would wait for a writer (the reader refuses those).
        guard FileTree.isFile(path), let handle = fopen(path, "rb") else { return false }
        defer { fclose(handle) }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = fread(&buffer, 1, buffer.count, handle)
        let head = String(decoding: buffer[0..<count], as: UTF8.self)
        guard head.first(where: { !$0.isWhitespace }) == "{" else { return false }
        let others = ["\"annotations\"", "\"per_image_eval\"", "\"categories\"", "\"values\""]
        return head.contains("\"shapes\"") && head.contains("\"imagePath\"") && !others.contains { head.contains($0) }
    }
}
