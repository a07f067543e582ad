/// Resolves class names written by the user against an evaluation's labels.
enum ClassLookup {
    /// The label's index: an exact match, else the only match ignoring case, else an error with
    /// the closest label.
    static func index(of name: Name, in labels: [String]) throws(ExecutionError) -> Int {
        if let i = labels.firstIndex(of: name.text) { return i }
        let lowered = name.text.lowercased()
        let folded = labels.indices.filter { labels[$0].lowercased() == lowered }
        if folded.count == 1 { return folded[0] }
        throw .unknownClass(name.text, suggestion: Suggestion.closest(to: name.text, among: labels), at: name.range)
    }
}
