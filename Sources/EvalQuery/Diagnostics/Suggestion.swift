/// "Did you mean …": the closest candidate to a misspelt word, by Damerau–Levenshtein distance
/// (optimal string alignment: insert, delete, substitute, swap two neighbours), ignoring case.
/// The parser uses it for statements and options; the executor for class names and filenames.
public enum Suggestion {
    /// The candidate closest to `word` when it is close enough: at most one edit for words of up
    /// to five characters, two up to eight, then a quarter of the length. An exact match apart
    /// from case is returned too (distance 0). Ties go to the earlier candidate. When nothing is
    /// that close, the only candidate that begins with `word` (two characters or more).
    ///
    /// The work stays bounded whatever the input: a candidate whose length differs by more than
    /// the allowed distance is skipped unmeasured, and words longer than `lengthLimit` are only
    /// matched as prefixes.
    public static func closest<S: Sequence>(to word: String, among sequence: S) -> String?
    where S.Element == String {
        let candidates = Array(sequence)
        let target = Array(word.lowercased())
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where target.count <= lengthLimit {
            let lowered = Array(candidate.lowercased())
            let longest = max(target.count, lowered.count)
            let allowed = allowedDistance(forLength: longest)
            guard lowered.count <= lengthLimit, abs(target.count - lowered.count) <= allowed else { continue }
            let distance = Self.distance(target, lowered)
            guard distance <= allowed, distance < longest else { continue }
            if best == nil || distance < best!.distance {
                best = (candidate, distance)
            }
        }
        if let best { return best.candidate }
        // A word typed short (`use tiny` for `tiny-dt`): the one candidate it begins.
        let lowered = word.lowercased()
        guard lowered.count >= 2 else { return nil }
        let extensions = candidates.filter { $0.lowercased().hasPrefix(lowered) }
        return extensions.count == 1 ? extensions[0] : nil
    }

    /// The longest word measured by edit distance: 256 characters.
    public static let lengthLimit = 256

    /// Edits allowed between words whose longer one has `length` characters.
    public static func allowedDistance(forLength length: Int) -> Int {
        switch length {
        case ..<6: return 1
        case ..<9: return 2
        default: return length / 4
        }
    }

    /// The Damerau–Levenshtein (optimal string alignment) distance, ignoring case.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a.lowercased()), Array(b.lowercased()))
    }

    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let width = b.count + 1
        // Three rows of the dynamic-programming table: two back (for swaps), previous, current.
        var older = [Int](repeating: 0, count: width)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: width)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, older[j - 2] + 1)
                }
                current[j] = value
            }
            (older, previous, current) = (previous, current, older)
        }
        return previous[b.count]
    }
}
