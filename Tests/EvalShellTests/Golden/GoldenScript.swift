import Foundation

/// A golden script parsed into the runs it asks for and what each run must show.
///
/// The format is documented at the top of `GoldenScriptTests.swift`.
struct GoldenScript {
    /// One check, written as a comment under the statement it is about.
    enum Expectation: Equatable {
        /// `# expect: TEXT`: TEXT appears in the statement's output (stdout and stderr).
        case contains(String)
        /// `# expect-not: TEXT`: TEXT does not appear in it.
        case lacks(String)
        /// `# expect-json: PATH = VALUE`: the output is one JSON document whose value at PATH is VALUE.
        case json(path: String, value: String)
        /// `# expect-keys: K1, K2, …`: the output is a JSON object with exactly these keys, in order.
        case keys([String])
        /// `# error: TEXT`: the statement failed and said `error: …TEXT…`.
        case error(String)
    }

    /// A checked expectation with the script line it was written on.
    struct Check {
        let expectation: Expectation
        let line: Int
        /// The statement line (1-based index among the run's statement lines) it is about;
        /// 0 for the files loaded from the command line.
        let statement: Int
    }

    /// One process run: a section of the script, with the other sections blanked out so that
    /// line numbers in messages are the script's own.
    struct Section {
        /// The script line that opens the section (its header line or its `# ---`).
        let firstLine: Int
        /// The whole script text with every line outside the section replaced by an empty line.
        var text: [String]
        var loads: [String]
        var arguments: [String]
        var exitStatus: Int32 = 0
        /// Line numbers (1-based) of the lines that hold statements, in order.
        var statementLines: [Int] = []
        var checks: [Check] = []
    }

    enum ParseError: Error, CustomStringConvertible {
        case missingHeader(String)
        case badDirective(String, line: Int)

        var description: String {
            switch self {
            case .missingHeader(let file): return "\(file): line 1 must be a '#' header line (# load: …)"
            case .badDirective(let text, let line): return "line \(line): cannot read directive '\(text)'"
            }
        }
    }

    let name: String
    let sections: [Section]

    init(name: String, text: String) throws {
        self.name = name
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        guard lines.first?.hasPrefix("#") == true else { throw ParseError.missingHeader(name) }
        var starts = [0]
        for (i, line) in lines.enumerated() where i > 0 && line.trimmingCharacters(in: .whitespaces) == "# ---" {
            starts.append(i)
        }
        var sections: [Section] = []
        var scriptLoads: [String] = []
        var scriptArguments: [String] = []
        var scriptExit: Int32 = 0
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : lines.count
            var section = Section(
                firstLine: start + 1,
                text: lines.indices.map { $0 >= start && $0 < end ? lines[$0] : "" },
                loads: scriptLoads, arguments: scriptArguments, exitStatus: scriptExit)
            for i in start..<end {
                try Self.read(lines[i], number: i + 1, into: &section)
            }
            if k == 0 {
                scriptLoads = section.loads
                scriptArguments = section.arguments
                scriptExit = section.exitStatus
            }
            sections.append(section)
        }
        self.sections = sections
    }

    /// Reads one line: a statement, a directive, or a plain comment.
    private static func read(_ raw: String, number: Int, into section: inout Section) throws {
        let line = raw.trimmingCharacters(in: .whitespaces)
        if line.isEmpty { return }
        guard line.hasPrefix("#") else {
            // A statement continued with '\\' is attributed to the line that ends it.
            if !line.hasSuffix("\\") { section.statementLines.append(number) }
            return
        }
        let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
        guard let colon = body.firstIndex(of: ":") else { return }
        let key = String(body[..<colon])
        let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let statement = section.statementLines.count
        func check(_ expectation: Expectation) {
            section.checks.append(Check(expectation: expectation, line: number, statement: statement))
        }
        switch key {
        case "load": section.loads = value.split(separator: " ").map(String.init)
        case "args": section.arguments = value.split(separator: " ").map(String.init)
        case "exit":
            guard let status = Int32(value) else { throw ParseError.badDirective(line, line: number) }
            section.exitStatus = status
        case "expect": check(.contains(value))
        case "expect-not": check(.lacks(value))
        case "error": check(.error(value))
        case "expect-keys":
            check(.keys(value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }))
        case "expect-json":
            guard let eq = value.range(of: " = ") else { throw ParseError.badDirective(line, line: number) }
            check(.json(path: String(value[..<eq.lowerBound]), value: String(value[eq.upperBound...])))
        default: return  // an ordinary comment that happens to hold a colon
        }
    }
}

extension GoldenScript.Section {
    /// The line that separates statements' output in the attributed run: it prints a line made
    /// of exactly `marker` and changes nothing that a script run can see (no pager without a
    /// terminal).
    static let markerStatement = "set pager off"
    static let marker = "pager off"

    /// The section's text for the attributed run: the header line becomes a marker (separating
    /// the command line's loads from the first statement) and each statement line ends with one.
    /// Line and column numbers of every statement stay as in the script.
    var attributedText: String {
        var lines = text
        lines[firstLine - 1] = Self.markerStatement
        for number in statementLines {
            lines[number - 1] += " ; " + Self.markerStatement
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
