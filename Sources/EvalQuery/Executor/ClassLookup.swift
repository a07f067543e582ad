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

    /// The class of `reference` (`FN[car]`, `FN.car`), as `index(of:in:)`; when the closest class
    /// must be written in brackets (`traffic light`), the did-you-mean is the whole reference
    /// written so: `FN.traffic-light` → `FN["traffic light"]`.
    static func index(of className: Name, in reference: Reference, labels: [String]) throws(ExecutionError) -> Int {
        do { return try index(of: className, in: labels) } catch {
            guard case .unknownClass(let text, let suggestion?, let range) = error, needsBrackets(suggestion) else { throw error }
            throw .unknownClass(text, suggestion: bracketed(reference, className: suggestion), at: range)
        }
    }

    /// Whether `name` must be quoted in brackets to be read as one class (a space, a dot, a dash …).
    static func needsBrackets(_ name: String) -> Bool {
        name.isEmpty || !name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }

    /// `reference` with `className` in quoted brackets: `cand.FN["dining table"]`.
    static func bracketed(_ reference: Reference, className: String) -> String {
        (reference.qualifier.map { $0.text + "." } ?? "") + reference.name.text + "[" + quoted(className) + "]"
    }

    /// `name` in double quotes, its `"` and `\` escaped as the lexer reads them.
    static func quoted(_ name: String) -> String {
        var text = "\""
        for c in name {
            if c == "\"" || c == "\\" { text.append("\\") }
            text.append(c)
        }
        return text + "\""
    }
}
