/// Turns a `Completer` answer into the edit libedit performs: the text replacing the
/// region libedit considers the word, the list shown when Tab is pressed twice, and whether
/// to append a space.
///
/// libedit replaces the region from `wordStart` to the cursor with `insertion`. evalsh sets
/// libedit's word-break characters so that region is the whole line before the cursor
/// (`wordStart` is 0 except when the line before the cursor is a lone quote), which lets
/// the completer choose any `replaceFrom`.
struct CompletionPlan: Equatable {
    /// Replaces the text between libedit's word start and the cursor.
    var insertion: String
    /// The candidates listed on a second Tab; empty when there is a single candidate.
    var alternatives: [String]
    /// Whether a single candidate is followed by a space.
    var appendsSpace: Bool

    var isSingleMatch: Bool { alternatives.isEmpty }

    init(insertion: String, alternatives: [String], appendsSpace: Bool) {
        self.insertion = insertion
        self.alternatives = alternatives
        self.appendsSpace = appendsSpace
    }

    /// The plan for `candidates` replacing `line[replaceFrom..<cursor]`, or nil when there is
    /// nothing to do (no candidates, or a replacement that cannot be expressed).
    init?(line: String, cursor: Int, wordStart: Int, replaceFrom: Int, candidates: [String]) {
        let characters = Array(line)
        let cursor = min(max(cursor, 0), characters.count)
        let wordStart = min(max(wordStart, 0), cursor)
        let replaceFrom = min(max(replaceFrom, 0), cursor)
        let quoted = candidates.map(CompletionQuoting.quoteIfNeeded)
        guard !quoted.isEmpty else { return nil }

        let typed = String(characters[replaceFrom..<cursor])
        let replacement: String
        if quoted.count == 1 {
            replacement = quoted[0]
        } else {
            let common = CompletionQuoting.longestCommonPrefix(quoted)
            let extendsTyped = CompletionQuoting.unquoted(common).hasPrefix(CompletionQuoting.unquoted(typed))
            replacement = extendsTyped && common.count >= typed.count ? common : typed
        }

        if replaceFrom >= wordStart {
            insertion = String(characters[wordStart..<replaceFrom]) + replacement
        } else {
            let unremovable = String(characters[replaceFrom..<wordStart])
            guard replacement.hasPrefix(unremovable) else { return nil }
            insertion = String(replacement.dropFirst(unremovable.count))
        }
        alternatives = quoted.count == 1 ? [] : quoted
        appendsSpace = quoted.count == 1 && !quoted[0].hasSuffix("/")
    }
}
