import EvalCore

/// A per-image count: what `TP`, `FP`, `FN`, `objects` and `preds` name in a predicate or a sort.
enum ImageField: String, CaseIterable {
    case tp = "TP", fp = "FP", fn = "FN", objects, preds

    init?(name: String) {
        guard let field = Self.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            return nil
        }
        self = field
    }

    /// The column of the counts that holds the field.
    func column(_ counts: ImageClassCounts) -> [Int32] {
        switch self {
        case .tp: return counts.tp
        case .fp: return counts.fp
        case .fn: return counts.fn
        case .objects: return counts.nbObjects
        case .preds: return counts.nbPreds
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
