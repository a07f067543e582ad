import EvalCore

/// `Annotations/<stem>.xml` per image (crowd boxes as `difficult`) and `predictions/<stem>.xml`
/// (objects with a `<score>`, an evalsh extension its VOC reader takes).
enum VOCExport {
    static func write(_ gt: GroundTruth, _ dt: Detections, into folder: inout ExportFolder) throws(FormatError) -> [String] {
        try folder.makeDirectory("Annotations")
        try folder.makeDirectory("predictions")
        var objects = [String](repeating: "", count: gt.images.count)
        var predicted = [String](repeating: "", count: gt.images.count)
        let a = gt.annotations
        var segmentAreas = 0
        for i in 0..<a.count {
            if abs(a.area[i] - a.width[i] * a.height[i]) > 1e-9 * max(1, a.area[i]) { segmentAreas += 1 }
            objects[Int(a.image[i])] += object(gt.categories[Int(a.category[i])].name, a.box(i),
                                               difficult: a.isCrowd[i], score: nil)
        }
        for i in 0..<dt.count {
            predicted[Int(dt.image[i])] += object(gt.categories[Int(dt.category[i])].name, dt.box(i), difficult: false,
                                                  score: dt.score[i].isNaN ? nil : dt.score[i])
        }
        for (i, image) in gt.images.enumerated() {
            let stem = FileTree.stem(image.fileName)
            try folder.write("Annotations/\(stem).xml", Array(document(image, objects[i]).utf8))
            if !predicted[i].isEmpty { try folder.write("predictions/\(stem).xml", Array(document(image, predicted[i]).utf8)) }
        }
        return segmentAreas > 0
            ? ["\(segmentAreas) box(es) had a segment area: VOC keeps w·h, so APs/APm/APl may differ"] : []
    }

    private static func document(_ image: ImageInfo, _ objects: String) -> String {
        "<annotation>\n\t<filename>\(escape(image.fileName))</filename>\n\t<size>\n\t\t<width>\(number(image.width))</width>\n"
            + "\t\t<height>\(number(image.height))</height>\n\t\t<depth>3</depth>\n\t</size>\n\(objects)</annotation>\n"
    }

    private static func object(_ name: String, _ box: BoundingBox, difficult: Bool, score: Double?) -> String {
        var text = "\t<object>\n\t\t<name>\(escape(name))</name>\n\t\t<difficult>\(difficult ? 1 : 0)</difficult>\n"
        if let score { text += "\t\t<score>\(score)</score>\n" }
        text += "\t\t<bndbox>\n\t\t\t<xmin>\(number(box.x))</xmin>\n\t\t\t<ymin>\(number(box.y))</ymin>\n"
            + "\t\t\t<xmax>\(number(box.x + box.width))</xmax>\n\t\t\t<ymax>\(number(box.y + box.height))</ymax>\n"
            + "\t\t</bndbox>\n\t</object>\n"
        return text
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : "\(value)"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}
