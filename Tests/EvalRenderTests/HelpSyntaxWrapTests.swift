import EvalQuery
import XCTest

@testable import EvalRender

/// `help`'s syntax lines wrap between their top-level tokens only: never inside `[...]`,
/// `(...)` or `<...>` (`[sort FIELD [asc|` / `desc]]` read as two broken clauses, issue 12
/// item 9), and the lines after the first are indented.
final class HelpSyntaxWrapTests: XCTestCase {
    private static let syntaxes = (HelpEntry.all + HelpEntry.clauses + HelpEntry.settings).map(\.syntax)

    /// The breaks of a syntax cell's `lines` that are not allowed: inside a bracket, unless one
    /// level inside a bracket wider than `SyntaxWrap.longToken` (compare's views).
    private static func badBreaks(_ lines: [String]) -> [String] {
        let parts = lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let joined = Array(parts.joined(separator: " "))
        var breaks: [Int] = []
        var offset = 0
        for part in parts.dropLast() {
            offset += part.count
            breaks.append(offset)
            offset += 1
        }
        var bad: [String] = []
        var depth = 0, tokenStart = 0
        var depthAt: [Int: Int] = [:]
        var tokenOf: [Int: Int] = [:]
        for (i, c) in joined.enumerated() {
            depthAt[i] = depth
            if c == " " && depth == 0 { tokenStart = i + 1 }
            tokenOf[i] = tokenStart
            if "[(<".contains(c) { depth += 1 }
            if "])>".contains(c) { depth = max(0, depth - 1) }
        }
        for b in breaks where depthAt[b] != 0 {
            let start = tokenOf[b]!
            var end = start, d = 0
            while end < joined.count, !(joined[end] == " " && d == 0) {
                if "[(<".contains(joined[end]) { d += 1 }
                if "])>".contains(joined[end]) { d -= 1 }
                end += 1
            }
            let token = String(joined[start..<end])
            if depthAt[b] == 1 && DisplayWidth.of(token) > SyntaxWrap.longToken { continue }
            bad.append(String(joined[max(0, b - 12)..<min(joined.count, b + 12)]))
        }
        return bad
    }

    /// The syntax cells of the rendered table, each as its lines: a row's cell starts with a
    /// word, its continuation lines are indented.
    private static func syntaxCellLines(_ text: String) -> [[String]] {
        var cells: [[String]] = []
        for cell in syntaxCells(text) where !cell.trimmingCharacters(in: .whitespaces).isEmpty {
            if cell.hasPrefix(" ") && !cells.isEmpty { cells[cells.count - 1].append(cell) } else { cells.append([cell]) }
        }
        return cells
    }

    /// The syntax column's cell on each line of the rendered table (the text between the first
    /// two bars), for the table's body rows.
    private static func syntaxCells(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line -> String? in
            let parts = line.split(separator: "│", omittingEmptySubsequences: false)
            guard parts.count > 2, parts[0].isEmpty else { return nil }
            let cell = String(parts[1].dropFirst())
            return cell.trimmingCharacters(in: .whitespaces) == "syntax" ? nil : cell
        }
    }

    func testTheOverviewBreaksNoBracketAt60And80And120Columns() {
        for width in [60, 80, 120] {
            let text = render(.help(HelpResult(topic: nil)), options: RenderOptions(width: width, maxRows: nil))
            let cells = Self.syntaxCellLines(text)
            XCTAssertEqual(cells.count, HelpResult(topic: nil).entries.count, "every statement has a row at \(width)")
            for cell in cells {
                XCTAssertEqual(Self.badBreaks(cell), [], "a bracket broken at \(width) columns: \(cell)\n\(text)")
            }
            XCTAssertFalse(text.contains("[asc|  "), text)
            XCTAssertFalse(text.contains("[asc|\n"), text)
        }
    }

    func testATopicPageBreaksNoBracket() {
        for width in [60, 80, 120] {
            let text = render(.help(HelpResult(topic: "cell")), options: RenderOptions(width: width, maxRows: nil))
            for cell in Self.syntaxCellLines(text) {
                XCTAssertEqual(Self.badBreaks(cell), [], "a bracket broken at \(width) columns: \(cell)\n\(text)")
            }
        }
    }

    /// A hand-worked line at 30 columns: the tokens, three lines, the second and third indented.
    func testWrapsBetweenTopLevelTokensAndIndents() {
        let lines = SyntaxWrap.wrap(StyledText("cell GT PRED [where PREDICATE] [sort FIELD [asc|desc]] [limit N]"), width: 30).map(\.plain)
        XCTAssertEqual(lines, ["cell GT PRED [where PREDICATE]", "  [sort FIELD [asc|desc]]", "  [limit N]"])
        XCTAssertEqual(SyntaxWrap.tokens("set <a b> (c d) [e [f g]] h"), ["set", "<a b>", "(c d)", "[e [f g]]", "h"])
        XCTAssertEqual(SyntaxWrap.longestPiece("images [sort FIELD [asc|desc]]"), 2 + 23)
        XCTAssertEqual(SyntaxWrap.wrap(StyledText("set format|color|rows|pager VALUE"), width: 16).map(\.plain),
                       ["set format|", "  color|rows|", "  pager VALUE"])
        // compare's views, 100 columns as one bracket, break between the views' own words.
        let compare = SyntaxWrap.wrap(StyledText("compare A B [matrix | classes [sort ...] | show FILENAME | where PREDICATE [sort ...] [limit N]]"), width: 36).map(\.plain)
        XCTAssertEqual(compare, ["compare A B [matrix | classes", "    [sort ...] | show FILENAME |", "    where PREDICATE [sort ...]", "    [limit N]]"])
    }

    /// Every syntax line of the catalog at every width from 12 to 60: each line balanced when
    /// its tokens fit, lines after the first indented, and the text all there in order.
    func testEveryCatalogLineKeepsItsTokens() {
        for syntax in Self.syntaxes {
            for width in 12...60 {
                let lines = SyntaxWrap.wrap(StyledText(syntax), width: width).map(\.plain)
                XCTAssertTrue(lines.allSatisfy { DisplayWidth.of($0) <= width }, "\(syntax) at \(width): \(lines)")
                XCTAssertTrue(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") }, "\(syntax) at \(width): \(lines)")
                guard SyntaxWrap.longestPiece(syntax) <= width else { continue }
                XCTAssertEqual(Self.badBreaks(lines), [], "\(syntax) at \(width): \(lines)")
                // Nothing lost or reordered (a choice breaks after its `|` with no space to drop).
                XCTAssertEqual(lines.joined().filter { $0 != " " }, syntax.filter { $0 != " " }, "\(syntax) at \(width)")
            }
        }
    }
}
