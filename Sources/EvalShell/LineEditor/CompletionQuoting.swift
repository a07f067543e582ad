/// Quoting rules for completion candidates: names with spaces ("traffic light") must be
/// typed in double quotes to stay one token.
enum CompletionQuoting {
    /// `candidate` wrapped in double quotes (inner `"` and `\` escaped) when it contains
    /// whitespace or a double quote and is not already quoted. A directory (ending in `/`)
    /// gets no closing quote, so completion can continue inside it. A quoted name already closed
    /// by its bracket (`"dining table"]`) is left as it is.
    static func quoteIfNeeded(_ candidate: String) -> String {
        let body = candidate.hasSuffix("]") ? String(candidate.dropLast()) : candidate
        let alreadyQuoted = body.count >= 2
            && ((body.hasPrefix("\"") && body.hasSuffix("\"")) || (body.hasPrefix("'") && body.hasSuffix("'")))
        let needsQuotes = candidate.contains { $0.isWhitespace || $0 == "\"" }
        guard needsQuotes, !alreadyQuoted else { return candidate }
        var escaped = ""
        for character in candidate {
            if character == "\"" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return "\"" + escaped + (candidate.hasSuffix("/") ? "" : "\"")
    }

    /// `text` without a leading quote, for comparing what was typed with candidates.
    static func unquoted(_ text: String) -> Substring {
        text.hasPrefix("\"") || text.hasPrefix("'") ? text.dropFirst() : Substring(text)
    }

    /// The longest prefix, in whole characters, shared by every string.
    static func longestCommonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for string in strings.dropFirst() {
            let characters = Array(string)
            var length = 0
            while length < min(prefix.count, characters.count), prefix[length] == characters[length] {
                length += 1
            }
            prefix.removeSubrange(length...)
        }
        return String(prefix)
    }
}
