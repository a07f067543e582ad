#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One YOLO label or prediction file: a line per box, `class cx cy w h` as fractions of the
/// image size, a sixth field for the confidence (`save_conf=True`), or `class x1 y1 x2 y2 …`
/// (a polygon, Ultralytics' segment labels) read as the box around it. Blank lines are skipped.
public struct YOLOLabelFile: Sendable {
    public var boxes: [LabeledBox]
    /// Boxes with a coordinate outside [0, 1].
    public var outside: Int
    /// The line of the first such box, for the warning.
    public var firstOutsideLine: Int

    public static func read(path: String) throws(FormatError) -> YOLOLabelFile {
        try parse(SourceBytes(path: path))
    }

    public static func parse(_ source: SourceBytes) throws(FormatError) -> YOLOLabelFile {
        var file = YOLOLabelFile(boxes: [], outside: 0, firstOutsideLine: 0)
        guard let base = source.buffer.baseAddress, source.count > 0 else { return file }
        let end = source.count
        var i = 0
        var line = 0
        var fields: [Double] = []
        fields.reserveCapacity(8)
        while i < end {
            line += 1
            fields.removeAll(keepingCapacity: true)
            var classField = (start: 0, end: 0)
            while i < end && base[i] != 0x0A {
                let c = base[i]
                if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
                let start = i
                while i < end, base[i] != 0x20, base[i] != 0x09, base[i] != 0x0D, base[i] != 0x0A { i += 1 }
                var stop: UnsafeMutablePointer<CChar>?
                let value = UnsafeRawPointer(base + start).withMemoryRebound(to: CChar.self, capacity: i - start) {
                    strtod($0, &stop)
                }
                let consumed = stop.map { UnsafeRawPointer($0) - UnsafeRawPointer(base + start) } ?? 0
                guard consumed == i - start, value.isFinite else {
                    let token = String(decoding: UnsafeBufferPointer(start: base + start, count: i - start), as: UTF8.self)
                    throw .located(file: source.name, line: line, column: columnOf(start, base),
                                   message: "\"\(token)\" is not a number")
                }
                if fields.isEmpty { classField = (start, i) }
                fields.append(value)
            }
            i += 1
            if fields.isEmpty { continue }
            let n = fields.count
            guard n == 5 || n == 6 || (n >= 7 && n % 2 == 1) else {
                throw .located(file: source.name, line: line, column: nil,
                               message: "\(n) fields; a YOLO line is 'class cx cy w h' (5), with a confidence (6), "
                                   + "or 'class x1 y1 x2 y2 …' (a polygon)")
            }
            let cls = fields[0]
            guard cls >= 0, cls == cls.rounded(), cls < Double(Int32.max) else {
                throw .located(file: source.name, line: line, column: columnOf(classField.start, base),
                               message: "class \"\(String(decoding: UnsafeBufferPointer(start: base + classField.start, count: classField.end - classField.start), as: UTF8.self))\" is not a class index (0, 1, 2, …)")
            }
            var box: LabeledBox
            if n <= 6 {
                box = LabeledBox(
                    label: .index(Int(cls)), x: fields[1] - fields[3] / 2, y: fields[2] - fields[4] / 2,
                    width: fields[3], height: fields[4], score: n == 6 ? fields[5] : .nan, line: line)
                if fields[1] < 0 || fields[1] > 1 || fields[2] < 0 || fields[2] > 1 || fields[3] < 0 || fields[3] > 1
                    || fields[4] < 0 || fields[4] > 1 {
                    file.noteOutside(line)
                }
            } else {
                var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
                var outside = false
                for k in stride(from: 1, to: n, by: 2) {
                    minX = min(minX, fields[k]); maxX = max(maxX, fields[k])
                    minY = min(minY, fields[k + 1]); maxY = max(maxY, fields[k + 1])
                    if fields[k] < 0 || fields[k] > 1 || fields[k + 1] < 0 || fields[k + 1] > 1 { outside = true }
                }
                box = LabeledBox(label: .index(Int(cls)), x: minX, y: minY, width: maxX - minX, height: maxY - minY,
                                 line: line)
                if outside { file.noteOutside(line) }
            }
            file.boxes.append(box)
        }
        return file
    }

    private mutating func noteOutside(_ line: Int) {
        if outside == 0 { firstOutsideLine = line }
        outside += 1
    }

    private static func columnOf(_ offset: Int, _ base: UnsafePointer<UInt8>) -> Int {
        var start = offset
        while start > 0 && base[start - 1] != 0x0A { start -= 1 }
        return offset - start + 1
    }
}
