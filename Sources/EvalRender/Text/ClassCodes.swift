/// Short codes for class names (`per` for person, `dta` for dining table), used where full
/// names do not fit, always with a legend. A code is at most three letters or digits taken from
/// the name, chosen over the whole label map in label order, so a class keeps its code in every
/// table of an evaluation and no two classes share one.
enum ClassCodes {
    static func codes(for labels: [String]) -> [String] {
        var taken = Set<String>()
        return labels.indices.map { i in
            let code = candidates(labels[i]).first { !taken.contains($0) } ?? fallback(i, taken)
            taken.insert(code)
            return code
        }
    }

    /// Codes in order of preference: initials of a multi-word name with more of its last word,
    /// the first three letters, then the first letter with any two later ones in order.
    private static func candidates(_ name: String) -> [String] {
        let words = name.lowercased().split { !($0.isLetter || $0.isNumber) }.map(Array.init)
        let letters = Array(words.joined())
        guard let first = letters.first else { return [] }
        var out: [String] = []
        if words.count >= 2, let last = words.last {
            out.append(String(words[0].prefix(1) + last.prefix(2)))
            out.append(String(words[0].prefix(2) + last.prefix(1)))
            out.append(String(words.map { $0[0] }.prefix(3)))
        }
        out.append(String(letters.prefix(3)))
        for j in letters.indices.dropFirst() {
            for k in letters.indices where k > j { out.append(String([first, letters[j], letters[k]])) }
        }
        for digit in 2...9 { out.append(String(letters.prefix(2)) + String(digit)) }
        return out
    }

    /// `c12` for class 12 (from 1), with more digits if a name took that too.
    private static func fallback(_ index: Int, _ taken: Set<String>) -> String {
        var code = "c\(index + 1)"
        while taken.contains(code) { code += "'" }
        return code
    }
}
