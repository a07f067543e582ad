/// A per-image count: what `TP`, `FP`, `FN`, `objects` and `preds` name in a predicate or a sort.
enum ImageField: String, CaseIterable {
    case tp = "TP", fp = "FP", fn = "FN", objects, preds

    init?(name: String) {
        guard let field = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            return nil
        }
        self = field
    }

    /// The column of `EvaluationView` that holds the field.
    func column(_ view: EvaluationView) -> [Int32] {
        switch self {
        case .tp: return view.tp
        case .fp: return view.fp
        case .fn: return view.fn
        case .objects: return view.nbObjects
        case .preds: return view.nbPreds
        }
    }

    /// The field of one image, for one class or summed over classes.
    static func value(_ column: [Int32], image: Int, classIndex: Int?, classCount n: Int) -> Double {
        if let c = classIndex { return Double(column[image * n + c]) }
        var sum = 0
        for k in image * n..<(image + 1) * n { sum += Int(column[k]) }
        return Double(sum)
    }
}

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

/// Names in `where`, `images`, `cell` and `exclude where`: the fields of one image.
struct ImageFieldResolver: ReferenceResolver {
    let view: EvaluationView
    /// The count behind `count` (the objects of the cell in `cell GT PRED`), per image.
    var cellCounts: [Int: Int]? = nil

    func resolve(_ reference: Reference) throws(ExecutionError) -> Compiled {
        if let qualifier = reference.qualifier {
            throw .unknownName(
                "\(qualifier.text).\(reference.name.text)", expected: "field",
                suggestion: nil, at: reference.range ?? qualifier.range)
        }
        let name = reference.name.text
        let classIndex = try reference.className.map { (c: Name) throws(ExecutionError) in try ClassLookup.index(of: c, in: view.labels) }
        if let field = ImageField(name: name) {
            let column = field.column(view), n = view.classCount
            return .number { ImageField.value(column, image: $0, classIndex: classIndex, classCount: n) }
        }
        if name.lowercased() == "filename", classIndex == nil {
            let names = view.filenames
            return .text { names[$0] }
        }
        if name.lowercased() == "count", let counts = cellCounts {
            return .number { Double(counts[$0] ?? 0) }
        }
        let known = ImageField.allCases.map(\.rawValue) + ["filename"] + (cellCounts == nil ? [] : ["count"])
        throw .unknownName(
            name, expected: "image field (\(known.joined(separator: ", ")))",
            suggestion: Suggestion.closest(to: name, among: known), at: reference.range)
    }

    func has(_ name: Name) throws(ExecutionError) -> Compiled {
        let c = try ClassLookup.index(of: name, in: view.labels), n = view.classCount, objects = view.nbObjects
        return .condition { objects[$0 * n + c] > 0 }
    }

    func predicted(_ name: Name) throws(ExecutionError) -> Compiled {
        let c = try ClassLookup.index(of: name, in: view.labels), n = view.classCount, preds = view.nbPreds
        return .condition { preds[$0 * n + c] > 0 }
    }

    func rowText(_ row: Int) throws(ExecutionError) -> String {
        " for image \(view.filenames[row])"
    }
}
