import EvalFormats
import EvalCore

/// Names in `assert`: statistics of a whole evaluation (`AP50`, `recall.car`, `FN[pedestrian]`),
/// of a named one (`cand.AP`), or the change between the two sides of the last compare
/// (`delta.AP50` = B − A). Records each value it resolves, so a failed assertion can say what it saw.
final class ScalarResolver: ReferenceResolver {
    let executor: Executor
    private(set) var seen: [(String, Double)] = []
    /// What the values cannot say by themselves: a change between two operating points.
    private(set) var warnings: [Diagnostic] = []
    /// The statement's place, for a warning about a reference that has none.
    let statementRange: SourceRange

    init(executor: Executor, statementRange: SourceRange) {
        self.executor = executor
        self.statementRange = statementRange
    }

    static let statNames = COCOMetrics.statNames
    static let rateNames = ["precision", "recall", "F1"]
    static var allNames: [String] { statNames + rateNames + ImageField.allCases.map(\.rawValue) }

    func resolve(_ reference: Reference) throws(ExecutionError) -> Compiled {
        let value: Double
        if let qualifier = reference.qualifier {
            // A side of the compared pair (by its name, or A/B) is read over the images both
            // sides hold, so that `delta.X` = `B.X` − `A.X` compares like with like.
            let q = qualifier.text.lowercased()
            let names = executor.workspace.comparison.map { ($0.a.lowercased(), $0.b.lowercased()) }
            if q == "delta" {
                let pair = try comparedPair(qualifier)
                value = try self.value(reference, in: pair.sideB) - self.value(reference, in: pair.sideA)
                try checkPoints(reference, pair)
            } else if let names, q == names.0 || (q == "a" && executor.workspace.evaluation(named: q) == nil) {
                let pair = try comparedPair(qualifier)
                value = try self.value(reference, in: pair.sideA)
                try checkPoints(reference, pair)
            } else if let names, q == names.1 || (q == "b" && executor.workspace.evaluation(named: q) == nil) {
                let pair = try comparedPair(qualifier)
                value = try self.value(reference, in: pair.sideB)
                try checkPoints(reference, pair)
            } else {
                value = try self.value(reference, of: try executor.evaluation(qualifier))
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

    /// The pair of the last `compare` (`A.`, `B.` and `delta.` name its values), built once per
    /// assertion.
    private var pair: ComparedPair?

    private func comparedPair(_ qualifier: Name) throws(ExecutionError) -> ComparedPair {
        if let pair { return pair }
        guard let names = executor.workspace.comparison else {
            throw .unavailable("'\(qualifier.text).' names a change between two evaluations", help: "run compare A B first")
        }
        let made = try ComparedPair.sharingImages(try executor.evaluation(Name(names.a)), try executor.evaluation(Name(names.b)))
        pair = made
        return made
    }

    /// A point-dependent value of a pair whose sides sit at different operating points: an
    /// assertion failure (a gate must not pass on counts taken at other thresholds) unless the
    /// script allowed it (`set mixed-thresholds allow`), then a warning.
    private func checkPoints(_ reference: Reference, _ pair: ComparedPair) throws(ExecutionError) {
        guard pair.mixedPoints, !Self.isCOCOStatistic(reference) else { return }
        let why = "\(reference) compares different operating points: \(ComparedPair.points(pair.a, pair.b))"
        guard executor.workspace.settings.allowsMixedThresholds else {
            throw .assertionFailed(
                condition: "\(reference)",
                detail: why + "; align them with 'metric both iou=… confidence=…', or 'set mixed-thresholds allow'",
                at: reference.range)
        }
        let warning = Diagnostic(
            .mixedOperatingPoints(reference: "\(reference)", points: ComparedPair.points(pair.a, pair.b)), at: reference.range ?? statementRange,
            severity: .warning)
        if !warnings.contains(where: { $0.message == warning.message }) { warnings.append(warning) }
    }

    /// COCO statistics do not depend on the operating point; counts and rates do.
    static func isCOCOStatistic(_ reference: Reference) -> Bool {
        statNames.contains { $0.lowercased() == reference.name.text.lowercased() }
    }

    /// One named value of one evaluation, over its included images.
    func value(_ reference: Reference, of session: EvaluationSession) throws(ExecutionError) -> Double {
        let view = session.view()
        return try value(
            reference,
            in: ValueSource(
                session: session, labels: view.labels, totals: { view.totals(classIndex: $0) },
                coco: { session.cocoMetrics() }, recorded: session.recordedStatistics))
    }

    /// One named value of a source: an evaluation, or one side of a comparison over the images
    /// both sides hold.
    func value(_ reference: Reference, in source: ValueSource) throws(ExecutionError) -> Double {
        let name = reference.name.text
        let session = source.session
        let classIndex = try reference.className.map { (c: Name) throws(ExecutionError) in
            try ClassLookup.index(of: c, in: reference, labels: source.labels)
        }
        if let stat = Self.statNames.firstIndex(where: { $0.lowercased() == name.lowercased() }) {
            let computed = source.coco()
            if computed == nil, classIndex == nil, let recorded = source.recorded[Self.statNames[stat]] { return recorded }
            if computed == nil, session.recordedStatistics[Self.statNames[stat]] != nil, source.recorded.isEmpty {
                throw .invalidValue("\(reference): \(ComparedPair.recordedForAllImages(session))", at: reference.range)
            }
            let metrics = try cocoMetrics(session, computed, reference)
            guard let c = classIndex else { return metrics.stats[stat] }
            switch stat {
            case 0: return metrics.perClassAP[c]
            case 1: return metrics.perClassAP50[c]
            default:
                throw .unknownName(
                    "\(name)[\(source.labels[c])]", expected: "per-class value (AP and AP50 exist per class)",
                    suggestion: nil, at: reference.range)
            }
        }
        let totals = source.totals(classIndex)
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

    private func cocoMetrics(
        _ session: EvaluationSession, _ result: Result<COCOMetrics, EvalCoreError>?, _ reference: Reference
    ) throws(ExecutionError) -> COCOMetrics {
        switch result {
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
    func assertion(_ condition: QueryExpression, statement node: StatementNode) throws(ExecutionError) -> [QueryResult] {
        let resolver = ScalarResolver(executor: self, statementRange: node.range)
        let test = try ExpressionCompiler.condition(condition, resolver)
        let detail = resolver.seen.map { "\($0.0) = \(NumberText.precise($0.1))" }.joined(separator: ", ")
        guard try test(0) else {
            let warned = resolver.warnings.map { "; warning: \($0.message)" }.joined()
            throw .assertionFailed(condition: "\(condition)", detail: detail + warned, at: ExpressionCompiler.range(of: condition))
        }
        return resolver.warnings.map { .diagnostic($0) }
            + [.message(Message("ok: \(condition) (\(detail))", level: .note))]
    }
}

/// Where `ScalarResolver` reads named values: an evaluation's labels, totals per class (or over
/// all classes) and COCO metrics.
struct ValueSource {
    let session: EvaluationSession
    let labels: [String]
    let totals: (Int?) -> Totals
    let coco: () -> Result<COCOMetrics, EvalCoreError>?
    /// Statistics a payload recorded in its metrics, for when there are no boxes to compute them.
    let recorded: [String: Double]
}
