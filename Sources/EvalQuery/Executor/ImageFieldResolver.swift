/// Names in `where`, `images`, `cell` and `exclude where`: the fields of one image.
struct ImageFieldResolver: ReferenceResolver {
    let view: EvaluationView
    /// The count behind `count` (the objects of the cell in `cell GT PRED`), per image.
    var cellCounts: [Int: Int]? = nil

    func resolve(_ reference: Reference) throws(ExecutionError) -> Compiled {
        if let qualifier = reference.qualifier {
            // `FN.traffic.light`: a class with a dot after a field, not a qualified field.
            if ImageField(name: qualifier.text) != nil, let tail = reference.className {
                let range = reference.name.range.flatMap { start in tail.range.map { start.union($0) } }
                let dotted = Name(reference.name.text + "." + tail.text, range: range)
                return try resolve(Reference(qualifier, className: dotted, range: reference.range))
            }
            throw .unknownName(
                "\(qualifier.text).\(reference.name.text)", expected: "field",
                suggestion: nil, at: reference.range ?? qualifier.range)
        }
        let name = reference.name.text
        let classIndex = try reference.className.map { (c: Name) throws(ExecutionError) in
            try ClassLookup.index(of: c, in: reference, labels: view.labels)
        }
        if let field = ImageField(name: name) {
            let column = field.column(view.counts), n = view.classCount
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
        let c = try ClassLookup.index(of: name, in: view.labels), n = view.classCount, objects = view.counts.nbObjects
        return .condition { objects[$0 * n + c] > 0 }
    }

    func predicted(_ name: Name) throws(ExecutionError) -> Compiled {
        let c = try ClassLookup.index(of: name, in: view.labels), n = view.classCount, preds = view.counts.nbPreds
        return .condition { preds[$0 * n + c] > 0 }
    }

    func rowText(_ row: Int) throws(ExecutionError) -> String {
        " for image \(view.filenames[row])"
    }
}
