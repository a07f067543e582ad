import EvalCore

/// Names in a `boxes` predicate or sort key: the fields of one row of a box table (the row
/// number is what the compiled closures take).
///
/// Text fields compare with a bare word as with a quoted text: `kind = pred`, `fate = FP`,
/// `match = none` (`literals` rewrites those before compiling). A word compared with `kind`,
/// `fate`, `range`, `error`, `class` or `match` must be one of its values, so that a typo is an
/// error rather than an empty list.
struct BoxFieldResolver: ReferenceResolver {
    let table: BoxTable
    let labels: [String]
    let filenames: [String]

    /// The fields that hold a text, and the values of those with a fixed set.
    static let textFields: [String: [String]?] = [
        "image": nil, "kind": ["gt", "pred"], "class": nil, "range": ["small", "medium", "large"],
        "match": nil, "fate": ["TP", "FP", "FN", "ignored"],
        "error": TIDEError.allCases.map(\.fieldName) + ["none"],
    ]

    func resolve(_ reference: Reference) throws(ExecutionError) -> Compiled {
        let name = reference.name.text.lowercased()
        guard reference.qualifier == nil, reference.className == nil, BoxQuery.fields.contains(name) else {
            throw .unknownName(
                reference.description, expected: "box field (\(BoxQuery.fields.joined(separator: ", ")))",
                suggestion: Suggestion.closest(to: reference.name.text, among: BoxQuery.fields), at: reference.range)
        }
        let t = table, labels = labels, filenames = filenames
        switch name {
        case "image": return .text { filenames[Int(t.image[$0])] }
        case "kind": return .text { t.kind[$0].fieldName }
        case "class": return .text { labels[Int(t.category[$0])] }
        case "score": return .number { t.score[$0] }
        case "x": return .number { t.x[$0] }
        case "y": return .number { t.y[$0] }
        case "w": return .number { t.width[$0] }
        case "h": return .number { t.height[$0] }
        case "area": return .number { t.area[$0] }
        case "range": return .text { t.range[$0].fieldName }
        case "iou": return .number { t.iou[$0] }
        case "match": return .text { let m = Int(t.match[$0]); return m < 0 ? "none" : labels[m] }
        case "fate": return .text { t.fate[$0].fieldName }
        default: return .text { t.error[$0]?.fieldName ?? "none" }
        }
    }

    func has(_ name: Name) throws(ExecutionError) -> Compiled {
        throw .typeMismatch("'has' tests an image; a box predicate reads class = NAME", at: name.range)
    }

    func predicted(_ name: Name) throws(ExecutionError) -> Compiled {
        throw .typeMismatch("'predicted' tests an image; a box predicate reads kind = pred and class = NAME", at: name.range)
    }

    /// `expression` with the bare words compared with a text field read as texts, each checked
    /// against the field's values (`fate = fp` becomes `fate = "FP"`; `class = carr` is an error).
    func literals(_ expression: QueryExpression) throws(ExecutionError) -> QueryExpression {
        switch expression {
        case .comparison(let op, let lhs, let rhs):
            if let field = textField(lhs), let word = bareWord(rhs) {
                return .comparison(op, lhs, .string(try value(word, of: field, op)))
            }
            if let field = textField(rhs), let word = bareWord(lhs) {
                return .comparison(op, .string(try value(word, of: field, op)), rhs)
            }
            if let field = textField(lhs), case .string(let text) = rhs {
                return .comparison(op, lhs, .string(try value(Name(text, isQuoted: true), of: field, op)))
            }
            return expression
        case .and(let a, let b): return .and(try literals(a), try literals(b))
        case .or(let a, let b): return .or(try literals(a), try literals(b))
        case .not(let a): return .not(try literals(a))
        default: return expression
        }
    }

    private func textField(_ e: QueryExpression) -> String? {
        guard case .reference(let r) = e, r.qualifier == nil, r.className == nil else { return nil }
        let name = r.name.text.lowercased()
        return Self.textFields.keys.contains(name) ? name : nil
    }

    /// A plain name that is not a field: `pred`, `FP`, `car`.
    private func bareWord(_ e: QueryExpression) -> Name? {
        guard case .reference(let r) = e, r.qualifier == nil, r.className == nil,
              !BoxQuery.fields.contains(r.name.text.lowercased()) else { return nil }
        return r.name
    }

    /// The value `word` names for `field`: its canonical spelling when the field has a fixed set
    /// or holds a class; a glob (`~`) or a filename as written.
    private func value(_ word: Name, of field: String, _ op: ComparisonOperator) throws(ExecutionError) -> String {
        guard op == .equal || op == .notEqual else { return word.text }
        if let values = Self.textFields[field] ?? nil {
            if let v = values.first(where: { $0.lowercased() == word.text.lowercased() }) { return v }
            throw .invalidValue(
                "\(field) is one of \(values.joined(separator: ", ")), not \(word.text)", at: word.range)
        }
        switch field {
        case "class": return labels[try ClassLookup.index(of: word, in: labels)]
        case "match":
            if word.text.lowercased() == "none" && !word.isQuoted { return "none" }
            return labels[try ClassLookup.index(of: word, in: labels)]
        default: return word.text
        }
    }
}
