/// `show 167379`: an image named by a number rather than a filename. The number is the image's
/// id in the ground truth (COCO `id`, or the numeric file stem of a labelled folder), or the
/// number a filename's stem spells (`000000167379.jpg`); an exact filename is looked up before.
struct ImageIdLookup {
    /// The images' filenames, in the view's order.
    var filenames: [String]
    /// The images' ground-truth ids in the same order, when the evaluation has them.
    var ids: [Int]?

    /// The index of the image `id` names, or an error suggesting the closest id.
    func index(of id: Int, at range: SourceRange?) throws(ExecutionError) -> Int {
        if let ids, let i = ids.firstIndex(of: id), i < filenames.count { return i }
        if let i = filenames.firstIndex(where: { Self.stemNumber($0) == id }) { return i }
        throw .unknownImageId(id, suggestion: suggestion(for: id), at: range)
    }

    /// The closest known id as a did-you-mean (`"000000167380.jpg" (id 167380)`): one or two
    /// digits mistyped first, else the numerically nearest.
    private func suggestion(for id: Int) -> String? {
        let known: [Int] = ids ?? filenames.compactMap(Self.stemNumber)
        guard !known.isEmpty else { return nil }
        let nearest: Int
        if let typo = Suggestion.closest(to: String(id), among: known.map(String.init)), let value = Int(typo) {
            nearest = value
        } else {
            nearest = known.min { abs($0 - id) < abs($1 - id) }!
        }
        let index = ids?.firstIndex(of: nearest) ?? filenames.firstIndex { Self.stemNumber($0) == nearest }
        guard let index, index < filenames.count else { return "id \(nearest)" }
        return "\"\(filenames[index])\" (id \(nearest))"
    }

    /// The number a filename's stem spells (`000000167379.jpg` → 167379), if it is all digits.
    static func stemNumber(_ filename: String) -> Int? {
        let base = filename.split(separator: "/").last.map(String.init) ?? filename
        let stem = base.split(separator: ".", maxSplits: 1).first.map(String.init) ?? base
        guard !stem.isEmpty, stem.allSatisfy(\.isASCII), stem.allSatisfy(\.isNumber) else { return nil }
        return Int(stem)
    }
}
