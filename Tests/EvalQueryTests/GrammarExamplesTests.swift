import XCTest
import EvalQuery

/// Every example of `Grammar/evalsh.ebnf` and of the help table parses, and the two agree.
final class GrammarExamplesTests: XCTestCase {
    /// The grammar file, found from this test file's place in the package.
    private static let grammarURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Grammar/evalsh.ebnf")

    /// The text of each `(* example: … *)` line.
    private func grammarExamples() throws -> [String] {
        let text = try String(contentsOf: Self.grammarURL, encoding: .utf8)
        let marker = "(* example: "
        return text.split(separator: "\n").compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix(marker), trimmed.hasSuffix(" *)") else { return nil }
            return String(trimmed.dropFirst(marker.count).dropLast(3))
        }
    }

    func testEveryGrammarExampleParses() throws {
        let examples = try grammarExamples()
        XCTAssertGreaterThan(examples.count, 60)
        for example in examples {
            let script = Parser.parse(example)
            XCTAssertEqual(script.diagnostics, [], "grammar example: \(example)")
            XCTAssertEqual(script.statements.count, 1, "grammar example: \(example)")
        }
    }

    func testEveryStatementHasAGrammarExample() throws {
        let firstWords = Set(try grammarExamples().compactMap { $0.split(separator: " ").first.map(String.init) })
        for keyword in StatementKeyword.allCases {
            XCTAssertTrue(firstWords.contains(keyword.rawValue), "no grammar example for '\(keyword.rawValue)'")
        }
    }

    func testHelpCoversEveryStatementAndItsExamplesAreInTheGrammar() throws {
        let examples = Set(try grammarExamples())
        XCTAssertEqual(HelpEntry.all.map(\.keyword), StatementKeyword.allCases)
        for entry in HelpEntry.all + HelpEntry.clauses + HelpEntry.settings {
            XCTAssertTrue(examples.contains(entry.example), "help example of '\(entry.topic)' not in the grammar")
            XCTAssertNoThrow(try Parser.parseStatement(entry.example), entry.example)
            XCTAssertTrue(entry.syntax.hasPrefix(entry.keyword?.rawValue ?? ""), entry.syntax)
        }
    }

    /// `help sort` documents the default directions; `help set` lists every setting.
    func testHelpPagesOfClausesAndSettings() throws {
        guard case .help(let topic) = try Parser.parseStatement("help SORT") else {
            return XCTFail("help SORT is not a help statement")
        }
        let sort = HelpResult(topic: topic)
        XCTAssertTrue(sort.isTopic)
        XCTAssertEqual(sort.entries.first?.topic, "sort")
        let notes = sort.entries.flatMap(\.notes)
        XCTAssertTrue(notes.contains { $0.contains("numbers descending") && $0.contains("filename") }, "\(notes)")
        let set = HelpResult(topic: "set")
        XCTAssertEqual(set.entries.count, 1 + SessionSetting.names.count)
        XCTAssertEqual(set.entries.compactMap { entry -> String? in
            entry.syntax.split(separator: " ").dropFirst().first.map(String.init)
        }.dropFirst(), ArraySlice(SessionSetting.names))
        XCTAssertEqual(HelpResult(topic: "where").entries.count, 3, "where shows its sort and limit clauses")
        XCTAssertFalse(HelpResult(topic: "no such topic").isTopic)
    }
}
