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

    /// A checked expectation with the script line it was written on; it is about the statement
    /// that ends on the nearest line above it (see `MarkedOutput.output(above:)`).
    struct Check {
        let expectation: Expectation
        let line: Int
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

    /// Reads one line: a directive, or else a statement or a plain comment (evalsh's business).
    private static func read(_ raw: String, number: Int, into section: inout Section) throws {
        let line = raw.trimmingCharacters(in: .whitespaces)
        guard line.hasPrefix("#") else { return }
        let body = line.dropFirst().trimmingCharacters(in: .whitespaces)
        guard let colon = body.firstIndex(of: ":") else { return }
        let key = String(body[..<colon])
        let value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        func check(_ expectation: Expectation) {
            section.checks.append(Check(expectation: expectation, line: number))
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
