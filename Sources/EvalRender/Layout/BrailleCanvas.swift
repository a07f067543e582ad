/// A drawing surface of braille characters: each character cell holds 2×4 dots, so a canvas
/// of `columns × rows` cells is `2·columns × 4·rows` dots. Dots are about square on a
/// terminal whose cells are twice as tall as wide. A cell takes the style of the last dot
/// drawn in it; text written over cells replaces their dots.
struct BrailleCanvas {
    let columns: Int
    let rows: Int
    private var masks: [UInt8]
    private var styles: [Style]
    private var overlay: [Character?]
    /// The character a cell shows in ASCII instead of `'`, `.` or `:` (a series told apart without colour).
    private var asciiMarks: [Character?]

    init(columns: Int, rows: Int) {
        self.columns = max(1, columns)
        self.rows = max(1, rows)
        masks = Array(repeating: 0, count: self.columns * self.rows)
        styles = Array(repeating: .plain, count: self.columns * self.rows)
        overlay = Array(repeating: nil, count: self.columns * self.rows)
        asciiMarks = Array(repeating: nil, count: self.columns * self.rows)
    }

    var dotWidth: Int { columns * 2 }
    var dotHeight: Int { rows * 4 }

    /// Bits of a braille character by dot position (column 0/1, row 0…3) in its cell.
    private static let bits: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]

    /// Sets a dot; `asciiMark`, when given, is what its cell shows in ASCII (until another dot is set there).
    mutating func set(_ x: Int, _ y: Int, _ style: Style, asciiMark: Character? = nil) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / 4) * columns + x / 2
        masks[cell] |= BrailleCanvas.bits[x % 2][y % 4]
        styles[cell] = style
        asciiMarks[cell] = asciiMark
    }

    /// A path through `points` (dots) drawn with one dot in `every` along it, counted across its
    /// segments so that the spacing stays even: 1 is a solid line, 2 a dotted one. A nil point
    /// breaks the path.
    mutating func path(_ points: [(Int, Int)?], _ style: Style, every: Int = 1, asciiMark: Character? = nil) {
        var count = 0
        var last: (Int, Int)?
        func plot(_ x: Int, _ y: Int) {
            if let last, last == (x, y) { return }
            if count % max(1, every) == 0 { set(x, y, style, asciiMark: asciiMark) }
            count += 1
            last = (x, y)
        }
        var previous: (Int, Int)?
        for point in points {
            guard let point else { previous = nil; continue }
            guard let from = previous else { plot(point.0, point.1); previous = point; continue }
            var x = from.0, y = from.1
            let (x1, y1) = point
            let dx = abs(x1 - x), dy = -abs(y1 - y)
            let sx = x < x1 ? 1 : -1, sy = y < y1 ? 1 : -1
            var error = dx + dy
            while true {
                plot(x, y)
                if x == x1 && y == y1 { break }
                let e2 = 2 * error
                if e2 >= dy { error += dy; x += sx }
                if e2 <= dx { error += dx; y += sy }
            }
            previous = point
        }
    }

    /// A straight line between two dots (Bresenham). A dashed line draws runs of two dots and skips two.
    mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ style: Style, dashed: Bool = false) {
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var error = dx + dy
        var step = 0
        while true {
            if !dashed || (step / 2) % 2 == 0 { set(x, y, style) }
            if x == x1 && y == y1 { break }
            let e2 = 2 * error
            if e2 >= dy { error += dy; x += sx }
            if e2 <= dx { error += dx; y += sy }
            step += 1
        }
    }

    mutating func rectangle(x0: Int, y0: Int, x1: Int, y1: Int, _ style: Style, dashed: Bool) {
        line(x0, y0, x1, y0, style, dashed: dashed)
        line(x1, y0, x1, y1, style, dashed: dashed)
        line(x1, y1, x0, y1, style, dashed: dashed)
        line(x0, y1, x0, y0, style, dashed: dashed)
    }

    /// True when the `length` cells from `(column, row)` rightwards are on the canvas and hold
    /// neither dots nor text.
    func isBlank(column: Int, row: Int, length: Int) -> Bool {
        guard row >= 0, row < rows, column >= 0, column + length <= columns else { return false }
        return (column..<column + length).allSatisfy { masks[row * columns + $0] == 0 && overlay[row * columns + $0] == nil }
    }

    /// Writes `text` over the cells from `(column, row)` rightwards, clipped to the canvas.
    mutating func write(_ text: String, column: Int, row: Int, _ style: Style) {
        guard row >= 0, row < rows else { return }
        for (offset, character) in text.enumerated() {
            let c = column + offset
            guard c >= 0, c < columns else { continue }
            overlay[row * columns + c] = character
            styles[row * columns + c] = style
        }
    }

    /// The canvas as lines; in ASCII a cell shows `'`, `.` or `:` for dots in its top, bottom or both halves.
    func lines(ascii: Bool) -> [StyledText] {
        (0..<rows).map { row in
            var line = StyledText()
            for column in 0..<columns {
                let i = row * columns + column
                if let character = overlay[i] {
                    line.append(String(character), styles[i])
                    continue
                }
                let mask = masks[i]
                if mask == 0 { line.append(" "); continue }
                if ascii, let mark = asciiMarks[i] {
                    line.append(String(mark), styles[i])
                } else if ascii {
                    let top = mask & 0x1B != 0, bottom = mask & 0xE4 != 0
                    line.append(top && bottom ? ":" : top ? "'" : ".", styles[i])
                } else {
                    line.append(String(Character(Unicode.Scalar(0x2800 + UInt32(mask))!)), styles[i])
                }
            }
            return line
        }
    }
}
