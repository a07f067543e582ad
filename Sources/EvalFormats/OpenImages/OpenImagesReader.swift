/// Reads an Open Images box CSV: a header, then a row per box with `ImageID`, `LabelName`,
/// `XMin`, `XMax`, `YMin`, `YMax` (fractions of the image size), optional `Confidence` (a score
/// in predictions; ground truth has a `Source` column and its Confidence is ignored) and
/// `IsGroupOf` (evaluated like COCO's crowd). `ImageID` names the image with or without its
/// extension; sizes come from the images folder, whose every image belongs to the ground truth
/// (an image without a row has no boxes).
public enum OpenImagesReader {
    public static func read(path: String, images: ImageFolder?) throws(FormatError) -> LabeledSet {
        let source = try SourceBytes(path: path)
        let text = String(decoding: source.buffer, as: UTF8.self)
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw .located(file: path, line: 1, column: nil, message: "empty CSV") }
        let columns = splitCSV(header)
        func column(_ name: String) -> Int? { columns.firstIndex(of: name) }
        var required: [Int] = []
        for name in ["ImageID", "LabelName", "XMin", "XMax", "YMin", "YMax"] {
            guard let at = column(name) else {
                throw .located(file: path, line: 1, column: nil,
                               message: "no \(name) column (an Open Images CSV has ImageID, LabelName, XMin, XMax, YMin, YMax)")
            }
            required.append(at)
        }
        let isGroundTruth = column("Source") != nil
        let score = isGroundTruth ? nil : column("Confidence") ?? column("Score")
        let groupOf = column("IsGroupOf")
        var order: [String] = []
        var byKey: [String: LabeledImage] = [:]
        for (n, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = splitCSV(line)
            guard fields.count == columns.count else {
                throw .located(file: path, line: n + 1, column: nil,
                               message: "\(fields.count) fields, the header has \(columns.count)")
            }
            func number(_ at: Int) throws(FormatError) -> Double {
                guard let value = Double(fields[at]), value.isFinite else {
                    throw .located(file: path, line: n + 1, column: nil,
                                   message: "\(columns[at]) is \"\(fields[at])\", not a number")
                }
                return value
            }
            let imageId = fields[required[0]]
            let key = FileTree.stem(imageId)
            let x0 = try number(required[2]), x1 = try number(required[3])
            let y0 = try number(required[4]), y1 = try number(required[5])
            let box = LabeledBox(
                label: .name(fields[required[1]]), x: x0, y: y0, width: x1 - x0, height: y1 - y0,
                score: try score.map(number) ?? .nan, ignored: groupOf.map { fields[$0] == "1" } ?? false, line: n + 1)
            if byKey[key] == nil {
                order.append(key)
                var image = LabeledImage(key: key, fileName: imageId, source: path)
                if let images {
                    let size = try images.size(key: key, for: "\(path):\(n + 1)")
                    image.width = Double(size.width)
                    image.height = Double(size.height)
                    image.fileName = FileTree.baseName(images.images[key]!)
                }
                byKey[key] = image
            }
            byKey[key]!.boxes.append(box)
        }
        if let images {  // the images folder is the image set: images without boxes count too
            for (key, file) in images.images where byKey[key] == nil {
                let size = try ImageHeader.size(path: file)
                order.append(key)
                byKey[key] = LabeledImage(key: key, fileName: FileTree.baseName(file), width: Double(size.width),
                                          height: Double(size.height), source: file)
            }
        }
        return LabeledSet(
            description: "Open Images CSV \(path) (\(isGroundTruth ? "ground truth" : "predictions"), \(order.count) images)",
            format: .openImages, names: nil, images: order.map { byKey[$0]! }, normalized: true)
    }

    /// True when the header has a `Source` column (ground truth).
    static func isGroundTruth(path: String) throws(FormatError) -> Bool {
        let source = try SourceBytes(path: path)
        let firstLine = String(decoding: source.buffer.prefix { $0 != 0x0A }, as: UTF8.self)
        return splitCSV(Substring(firstLine)).contains("Source")
    }

    /// Fields of a CSV line; double quotes protect commas, `""` is a quote.
    static func splitCSV(_ line: Substring) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var iterator = line.makeIterator()
        while let c = iterator.next() {
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { field.append("\"") } else {
                            quoted = false
                            if next == "," { fields.append(field); field = "" } else if next != "\r" { field.append(next) }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(field)
                field = ""
            } else if c != "\r" {
                field.append(c)
            }
        }
        fields.append(field)
        return fields
    }
}
