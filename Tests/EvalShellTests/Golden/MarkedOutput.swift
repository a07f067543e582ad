@testable import EvalShell
import Foundation

/// One output stream of a run with statement markers (`EVALSH_STATEMENT_MARKERS=1`, see
/// `StatementMarker`), cut into what each statement of one file wrote.
///
/// Markers of other files do not cut: what a sourced script's statements or the command line's
/// loads write belongs to whatever of this file ran them (the `source` statement, or the time
/// before the first statement).
struct MarkedOutput: Equatable {
    /// The stream with its markers taken out: exactly what the run printed.
    private(set) var text = ""
    /// What was written before the file's first statement ran (the command line's loads, or
    /// everything when no statement ran: a malformed script runs none).
    private(set) var beforeStatements = ""
    /// What the statements ending on each line wrote (several statements of one line share it).
    private(set) var byLine: [Int: String] = [:]

    /// Cuts `raw` at the markers whose file is `file` (the path the script was run as).
    init(_ raw: String, file: String) {
        var current: Int?
        var rest = Substring(raw)
        while let marker = rest.range(of: StatementMarker.prefix) {
            append(rest[..<marker.lowerBound], to: current)
            let lineEnd = rest[marker.upperBound...].firstIndex(of: "\n") ?? rest.endIndex
            let place = rest[marker.upperBound..<lineEnd]
            if let colon = place.lastIndex(of: ":"), place[..<colon] == file, let line = Int(place[place.index(after: colon)...]) {
                current = line
            }
            rest = lineEnd < rest.endIndex ? rest[rest.index(after: lineEnd)...] : rest[rest.endIndex...]
        }
        append(rest, to: current)
    }

    private mutating func append(_ piece: Substring, to line: Int?) {
        text += piece
        if let line { byLine[line, default: ""] += piece } else { beforeStatements += piece }
    }

    /// What the statement a check on `checkLine` is about wrote: the last statement ending above
    /// that line that ran. When the run stopped earlier (a failure), that is the statement that
    /// stopped it; above every statement, it is what came before them.
    func output(above checkLine: Int) -> String {
        guard let line = byLine.keys.filter({ $0 < checkLine }).max() else { return beforeStatements }
        return byLine[line] ?? ""
    }
}
