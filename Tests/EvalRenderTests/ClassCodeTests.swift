import EvalQuery
import XCTest

@testable import EvalRender

/// Image tables tell classes apart by text, with or without colour: every Labels cell can be
/// read back into its per-class counts through the names or the legend's codes.
final class ClassCodeTests: XCTestCase {
    /// Codes hand-picked for COCO names: initials for two words, first letters otherwise, a later
    /// letter when the first three are taken (carrot after car).
    func testCodesAreShortUniqueAndStable() {
        let codes = ClassCodes.codes(for: COCOFixtures.names)
        XCTAssertEqual(Set(codes).count, COCOFixtures.names.count)
        XCTAssertTrue(codes.allSatisfy { $0.count <= 3 }, "\(codes)")
        let named = Dictionary(uniqueKeysWithValues: zip(COCOFixtures.names, codes))
        XCTAssertEqual(named["person"], "per")
        XCTAssertEqual(named["dining table"], "dta")
        XCTAssertEqual(named["traffic light"], "tli")
        XCTAssertEqual(named["car"], "car")
        XCTAssertEqual(named["carrot"], "cao")
        XCTAssertEqual(ClassCodes.codes(for: ["a", "a", "???"]), ["a", "a2", "c3"])
    }

    /// With 80 classes 16 colours repeat: colour on or off, Unicode or ASCII, at 80 to 200
    /// columns, every Labels cell (wrapped, never cut) reads back into exactly the row's
    /// ground-truth counts and misses.
    func testLabelsCellsDecodeWithoutColour() throws {
        let list = COCOFixtures.imageList(rows: 12)
        for width in [80, 120, 200] {
            for (color, ascii) in [(false, false), (true, false), (false, true)] {
                let options = RenderOptions(color: color, ascii: ascii, width: width)
                let text = stripANSI(render(.images(list), options: options))
                let lines = text.split(separator: "\n").map(String.init)
                // The legend maps codes to names when codes are used; names stand for themselves.
                var lookup = Dictionary(uniqueKeysWithValues: list.labels.indices.map { (list.labels[$0], $0) })
                for line in lines where line.contains("=") && !line.hasPrefix("|") && !line.hasPrefix("│") {
                    for item in line.components(separatedBy: "  ") where item.contains("=") {
                        let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
                        let index = try XCTUnwrap(list.labels.firstIndex(of: parts[1]), "\(item) in\n\(text)")
                        lookup[parts[0]] = index
                    }
                }
                let bar = ascii ? "|" : "│"
                let miss = ascii ? "x" : "✗"
                var decoded = 0
                for (r, row) in list.rows.enumerated() {
                    guard let at = lines.firstIndex(where: { $0.contains(String(row.filename.suffix(8))) }) else { continue }
                    // A wrapped row goes on over lines whose image cell is empty.
                    func cells(_ k: Int) -> [String] { lines[k].components(separatedBy: bar).map { $0.trimmingCharacters(in: .whitespaces) } }
                    var parts = [cells(at)[2]]
                    var k = at + 1
                    while k < lines.count, lines[k].hasPrefix(bar), cells(k).count > 2, cells(k)[1].isEmpty {
                        if !cells(k)[2].isEmpty { parts.append(cells(k)[2]) }
                        k += 1
                    }
                    let labels = parts.joined(separator: "  ")
                    XCTAssertFalse(labels.contains(ascii ? "..." : "…"), labels)
                    var objects = Array(repeating: 0, count: list.labels.count), missed = objects
                    for pair in labels.components(separatedBy: "  ") {
                        var words = pair.split(separator: " ").map(String.init)
                        var extra = 0
                        if let last = words.last, last.hasPrefix(miss) { extra = Int(last.dropFirst(miss.count))!; words.removeLast() }
                        let count = Int(words.removeLast())!
                        let c = try XCTUnwrap(lookup[words.joined(separator: " ")], "'\(pair)' at \(width) in\n\(text)")
                        XCTAssertEqual(objects[c], 0, "one class written twice in '\(labels)'")
                        objects[c] = count
                        missed[c] = extra
                    }
                    XCTAssertEqual(objects, list.rows[r].counts.nbObjects.map(Int.init), "row \(r) at \(width), colour \(color):\n\(text)")
                    XCTAssertEqual(missed, list.rows[r].counts.fn.map(Int.init), "row \(r) at \(width), colour \(color):\n\(text)")
                    decoded += 1
                }
                XCTAssertEqual(decoded, list.rows.count, "every row read at \(width), colour \(color), ascii \(ascii):\n\(text)")
            }
        }
    }

    /// The legend lists the classes present in the rows shown, and only those.
    func testLegendListsTheClassesPresent() {
        let list = COCOFixtures.imageList(rows: 3)
        let present = list.labels.indices.filter { c in list.rows.contains { $0.counts.nbObjects[c] > 0 || $0.counts.nbPreds[c] > 0 } }
        let text = stripANSI(render(.images(list), options: RenderOptions(color: true, width: 80)))
        let legend = text.split(separator: "\n").filter { !"│┌├└".contains($0.first ?? " ") }
        let listed = Set(legend.flatMap { $0.components(separatedBy: "  ") }.compactMap { item -> String? in
            if let equals = item.firstIndex(of: "=") { return String(item[item.index(after: equals)...]) }
            return item.hasPrefix("■ ") ? String(item.dropFirst(2)) : nil
        })
        XCTAssertEqual(listed, Set(present.map { list.labels[$0] }), text)
    }

    private func stripANSI(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }
}
