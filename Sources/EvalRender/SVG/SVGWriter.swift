import EvalFormats
import EvalQuery

/// An SVG drawing of an image's boxes: the image underneath when `imageHref` is given, ground
/// truth as solid rectangles, predictions dashed, each in its class colour, labelled with its
/// number, class and fate (false positives and misses in red and grey). Predictions below the
/// confidence threshold are left out. Coordinates are the view's: pixels, or `[0, 1]` scaled to
/// 1000 units for normalized boxes.
public func svg(_ view: ImageViewResult, imageHref: String?) -> String {
    let scale = view.normalized ? 1000 / max(view.width, view.height, .leastNonzeroMagnitude) : 1
    let width = view.width * scale, height = view.height * scale
    let stroke = max(1, max(width, height) / 400)
    let fontSize = max(10, max(width, height) / 60)
    func n(_ value: Double) -> String { NumberText.short(value) }

    var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\">\n"
    out += "  <title>\(xmlEscaped(view.filename))</title>\n"
    if let imageHref {
        out += "  <image href=\"\(xmlEscaped(imageHref))\" x=\"0\" y=\"0\" width=\"\(n(width))\" height=\"\(n(height))\" preserveAspectRatio=\"none\"/>\n"
    }
    out += "  <g fill=\"none\" stroke-width=\"\(n(stroke))\">\n"
    let drawn = view.objects.enumerated().filter { $0.element.fate != .belowConfidence }
    for (i, o) in drawn {
        let color = ClassPalette.hex(o.classIndex)
        let dash = o.kind == .prediction ? " stroke-dasharray=\"\(n(stroke * 4)) \(n(stroke * 3))\"" : ""
        out += "    <rect x=\"\(n(o.box.x * scale))\" y=\"\(n(o.box.y * scale))\" width=\"\(n(o.box.width * scale))\" height=\"\(n(o.box.height * scale))\" stroke=\"\(color)\"\(dash)><title>\(i + 1)</title></rect>\n"
    }
    out += "  </g>\n"
    out += "  <g font-family=\"sans-serif\" font-size=\"\(n(fontSize))\">\n"
    for (i, o) in drawn {
        let fill: String
        switch o.fate {
        case .falsePositive: fill = ClassPalette.hex(.red)
        case .missed, .confused: fill = ClassPalette.hex(.grey)
        default: fill = ClassPalette.hex(o.classIndex)
        }
        var label = "\(i + 1) \(view.className(o.classIndex)) \(view.fateText(o))"
        if let score = o.score { label += " \(NumberText.fraction(score, digits: 2))" }
        // Ground-truth labels sit above the box, prediction labels inside its bottom edge.
        let y = o.kind == .groundTruth ? o.box.y * scale - stroke : (o.box.y + o.box.height) * scale - stroke * 2
        out += "    <text x=\"\(n(o.box.x * scale + stroke))\" y=\"\(n(max(fontSize, y)))\" fill=\"\(fill)\">\(xmlEscaped(label))</text>\n"
    }
    out += "  </g>\n</svg>\n"
    return out
}

private func xmlEscaped(_ text: String) -> String {
    var out = ""
    for ch in text {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&apos;"
        default: out.append(ch)
        }
    }
    return out
}
