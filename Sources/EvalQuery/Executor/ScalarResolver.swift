import EvalCore

/// Names in `assert`: statistics of a whole evaluation (`AP50`, `recall.car`, `FN[pedestrian]`),
/// of a named one (`cand.AP`), or the change between the two sides of the last compare
/// (`delta.AP50` = B − A). Records each value it resolves, so a failed assertion can say what it saw.
final class ScalarResolver: ReferenceResolver {
    let executor: Executor
    private(set) var seen: [(String, Double)] = []

    init(executor: Executor) {
        self.executor = executor
    }

    static let statNames = COCOMetrics.statNames
    static let rateNames = ["precision", "recall", "F1"]
    static var allNames: [String] { statNames + rateNames + ImageField.allCases.map(\.rawValue) }

    func resolve(_ reference: Reference) throws(ExecutionError) -> Compiled {
        let value: Double
        if let qualifier = reference.qualifier {
            if qualifier.text.lowercased() == "delta" {
                let (a, b) = try comparedPair(qualifier)
                value = try self.value(reference, of: b) - self.value(reference, of: a)
            } else {
                value = try self.value(reference, of: try side(qualifier))
            }
        } else {
            value = try self.value(reference, of: try executor.current())
        }
        if !seen.contains(where: { $0.0 == reference.description }) { seen.append((reference.description, value)) }
        return .number { _ in value }
    }

    func has(_ name: Name) throws(ExecutionError) -> Compiled {
        throw .typeMismatch("'has' tests an image; use it in where, not in assert", at: name.range)
    }

    func predicted(_ name: Name) throws(ExecutionError) -> Compiled {
        throw .typeMismatch("'predicted' tests an image; use it in where, not in assert", at: name.range)
    }

    /// The evaluation a qualifier names: an evaluation's name, or `A`/`B` for the compared pair.
    private func side(_ qualifier: Name) throws(ExecutionError) -> EvaluationSession {
        if let session = executor.workspace.evaluation(named: qualifier.text) { return session }
        if let pair = executor.workspace.comparison {
            switch qualifier.text.lowercased() {
            case "a": return try executor.evaluation(Name(pair.a))
            case "b": return try executor.evaluation(Name(pair.b))
            default: break
            }
        }
        return try executor.evaluation(qualifier)
    }

    private func comparedPair(_ qualifier: Name) throws(ExecutionError) -> (EvaluationSession, EvaluationSession) {
        guard let pair = executor.workspace.comparison else {
            throw .unavailable("'delta.' names a change between two evaluations", help: "run compare A B first")
        }
        return (try executor.evaluation(Name(pair.a)), try executor.evaluation(Name(pair.b)))
    }

    /// One named value of one evaluation.
    func value(_ reference: Reference, of session: EvaluationSession) throws(ExecutionError) -> Double {
        let name = reference.name.text
        let view = session.view()
        let classIndex = try reference.className.map { (c: Name) throws(ExecutionError) in try ClassLookup.index(of: c, in: view.labels) }
        if let stat = Self.statNames.firstIndex(where: { $0.lowercased() == name.lowercased() }) {
            let metrics = try cocoMetrics(session, reference)
            guard let c = classIndex else { return metrics.stats[stat] }
            switch stat {
            case 0: return metrics.perClassAP[c]
            case 1: return metrics.perClassAP50[c]
            default:
                throw .unknownName(
                    "\(name)[\(view.labels[c])]", expected: "per-class value (AP and AP50 exist per class)",
                    suggestion: nil, at: reference.range)
            }
        }
        let totals = view.totals(classIndex: classIndex)
        switch name.lowercased() {
        case "precision": return totals.precision
        case "recall": return totals.recall
        case "f1": return totals.f1
        case "tp": return Double(totals.tp)
        case "fp": return Double(totals.fp)
        case "fn": return Double(totals.fn)
        case "objects": return Double(totals.objects)
        case "preds": return Double(totals.predictions)
        default:
            throw .unknownName(
                name, expected: "value", suggestion: Suggestion.closest(to: name, among: Self.allNames), at: reference.range)
        }
    }

    private func cocoMetrics(_ session: EvaluationSession, _ reference: Reference) throws(ExecutionError) -> COCOMetrics {
        switch session.cocoMetrics() {
        case .success(let metrics)?: return metrics
        case .failure(.missingScore(let index))?:
            throw .unavailable("\(reference): prediction \(index) has no score; COCO metrics rank by score", help: nil)
        case nil:
            throw .unavailable(
                "\(reference): \(session.name) is a Picsellia payload, which holds no boxes for COCO metrics",
                help: "assert on precision, recall, F1, TP, FP or FN, which a payload holds")
        }
    }
}

extension Executor {
    /// `assert CONDITION`: nothing when true; an `assertionFailed` error (exit 1 in a script) when false.
    func assertion(_ condition: QueryExpression, text: String) throws(ExecutionError) -> [QueryResult] {
        let resolver = ScalarResolver(executor: self)
        let test = try ExpressionCompiler.condition(condition, resolver)
        let detail = resolver.seen.map { "\($0.0) = \(NumberText.short($0.1))" }.joined(separator: ", ")
        guard test(0) else {
            throw .assertionFailed(condition: "\(condition)", detail: detail, at: ExpressionCompiler.range(of: condition))
        }
        return [.message(Message("ok: \(condition) (\(detail))", level: .note))]
    }
}
