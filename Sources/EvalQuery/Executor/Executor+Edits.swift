import EvalFormats
import EvalCore

extension Executor {
    /// `metric [both|NAME] iou=… confidence=… NAME=VALUE…`: the operating point and `metrics` entries.
    func metric(_ assignment: MetricAssignment) throws(ExecutionError) -> [QueryResult] {
        let sessions = try metricTargets(assignment.target)
        var results: [QueryResult] = []
        for session in sessions {
            results += try metric(assignment.settings, on: session)
        }
        return results
    }

    private func metricTargets(_ target: Name?) throws(ExecutionError) -> [EvaluationSession] {
        guard let target else { return [try current()] }
        if target.text.lowercased() == "both" {
            guard let pair = workspace.comparison else {
                throw .unavailable("'metric both' applies to the two evaluations of a compare", help: "compare A B first")
            }
            return [try evaluation(Name(pair.a)), try evaluation(Name(pair.b))]
        }
        return [try evaluation(target)]
    }

    private func metric(_ settings: [MetricAssignment.Setting], on session: EvaluationSession)
        throws(ExecutionError) -> [QueryResult]
    {
        var point = session.state.point
        var others: [(String, JSONValue)] = []
        let settings = try resolvingBest(settings, on: session)
        for setting in settings {
            let name = setting.name.text
            switch name.lowercased() {
            case "iou", "confidence":
                let at = setting.valueRange ?? setting.name.range
                guard let v = setting.value.number else {
                    throw .invalidValue("\(name) takes a number, found \(setting.value.typed)", at: at)
                }
                // Its counts and matrix could not follow: no view may disagree about the point.
                guard session.hasBoxes else {
                    throw .invalidValue(
                        "\(session.name) is a Picsellia payload: it holds no boxes to recompute its counts and matrix at "
                            + "another \(name.lowercased()); load its ground truth and predictions to change the operating point",
                        at: setting.name.range)
                }
                if name.lowercased() == "iou" {
                    guard v > 0, v <= 1 else { throw .invalidValue("iou must be in (0, 1], found \(setting.value.typed)", at: at) }
                    point.iou = v
                } else {
                    guard v >= 0, v <= 1 else {
                        throw .invalidValue("confidence must be in [0, 1], found \(setting.value.typed)", at: at)
                    }
                    point.confidence = v
                }
            default:
                others.append((name, setting.value.json))
            }
        }
        var edits: [Edit] = []
        var effects: [String] = []
        var messages: [String] = []
        let before = session.view().totals()
        let recomputes = point != session.state.point
        if recomputes {
            edits.append(.operatingPoint(point))
            messages.append("operating point iou=\(point.iou) confidence=\(point.confidence)")
        }
        for (name, value) in others {
            let old = session.state.metrics.first { $0.key == name }?.value
            edits.append(.setMetric(name: name, value: value))
            let shown = MetricNameSyntax.typed(name)
            effects.append("\(shown): \(old.map(Self.show) ?? "unset") → \(Self.show(value))")
            messages.append("metric \(shown) = \(Self.show(value))")
        }
        guard !edits.isEmpty else { return [.message(Message("\(session.name): nothing changed", level: .note))] }
        // One statement is one pending edit: `undo` takes all of it back.
        var counts: [String] = []
        session.apply(edits.count == 1 ? edits[0] : .combined(edits), statement: Self.canonical(settings)) { s in
            counts = recomputes ? [Self.effect(before, s.view().totals())] : []
            return (counts + effects).joined(separator: "; ")
        }
        return [.message(Message("\(session.name): " + ([messages.joined(separator: ", ")] + counts).joined(separator: "; ")))]
    }

    /// The statement as recorded for one evaluation (`metric both …` applies to each side as
    /// `metric …`, which is what the journal replays).
    /// `confidence=best` as the number it stands for, the overall best-F1 confidence at the
    /// statement's IoU (journaled as that number, so that a replay gives the same point).
    private func resolvingBest(_ settings: [MetricAssignment.Setting], on session: EvaluationSession)
        throws(ExecutionError) -> [MetricAssignment.Setting]
    {
        var iou = session.state.point.iou
        for setting in settings where setting.name.text.lowercased() == "iou" {
            if let v = setting.value.number { iou = v }
        }
        var resolved = settings
        for (i, setting) in settings.enumerated() where setting.name.text.lowercased() == "confidence" {
            guard case .word(let word) = setting.value, word.lowercased() == "best" else { continue }
            resolved[i].value = .number(try bestConfidence(session, iou: iou, at: setting.name.range))
        }
        return resolved
    }

    static func canonical(_ settings: [MetricAssignment.Setting]) -> String {
        "metric " + settings.map { setting in
            let value: String
            switch setting.value {
            // Short when that reads back the same; else every digit (a replay must give this point).
            case .number(let v): value = Double(NumberText.precise(v)) == v ? Self.fractional(NumberText.precise(v)) : NumberText.python(v)
            case .integer(let i): value = String(i)
            case .bool(let b): value = String(b)
            case .word(let w): value = w
            case .string(let s): value = Name(s).quoted
            }
            return "\(MetricNameSyntax.typed(setting.name.text))=\(value)"
        }.joined(separator: " ")
    }

    func unsetMetric(_ name: Name, statement: String) throws(ExecutionError) -> [QueryResult] {
        let session = try current()
        guard let old = session.state.metrics.first(where: { $0.key == name.text })?.value else {
            throw .unknownName(
                name.text, expected: "metric", suggestion: Suggestion.closest(to: name.text, among: session.state.metrics.map(\.key)),
                at: name.range)
        }
        let shown = MetricNameSyntax.typed(name.text)
        session.apply(.unsetMetric(name: name.text), statement: statement) { _ in "\(shown): \(Self.show(old)) → unset" }
        return [.message(Message("\(session.name): metric \(shown) removed"))]
    }

    func exclude(_ selection: ImageSelection, statement node: StatementNode) throws(ExecutionError) -> [QueryResult] {
        let session = try current()
        let view = session.view()
        let images = try selectImages(selection, among: view.included, view: view, ids: imageIDs(session))
            .filter { !session.state.excluded.contains($0) }
        guard !images.isEmpty else { return [.warning(.nothingChanged(why: "no image to exclude"), at: node.range)] }
        var results: [QueryResult] = [
            .message(Message(changeImages(.exclude(images: images), count: images.count, session, node.text)))
        ]
        if let note = Self.staleMatrixNote(session) { results.append(.warning(note, at: node.range)) }
        return results
    }

    func include(_ selection: ImageSelection, statement node: StatementNode) throws(ExecutionError) -> [QueryResult] {
        let statement = node.text
        let session = try current()
        let excluded = session.state.excluded.sorted()
        guard !excluded.isEmpty else { return [.warning(.nothingChanged(why: "no image is excluded"), at: node.range)] }
        let images = try selectImages(selection, among: excluded, view: session.viewIgnoringExclusions(), ids: imageIDs(session))
        guard !images.isEmpty else { return [.warning(.nothingChanged(why: "no excluded image matched"), at: node.range)] }
        return [.message(Message(changeImages(.include(images: images), count: images.count, session, statement)))]
    }

    /// The images a selection names: a file (or a ground-truth id) or those matching a predicate.
    private func selectImages(
        _ selection: ImageSelection, among candidates: [Int], view: EvaluationView, ids: [Int]?
    ) throws(ExecutionError) -> [Int] {
        switch selection {
        case .file(let name):
            let i = try imageIndex(name, in: view, ids: ids)
            return candidates.contains(i) ? [i] : []
        case .matching(let predicate):
            return try select(candidates, in: view, ImageQuery(predicate: predicate), resolver: ImageFieldResolver(view: view)).selected
        }
    }

    private func changeImages(_ edit: Edit, count: Int, _ session: EvaluationSession, _ statement: String) -> String {
        let before = session.view().totals()
        let apBefore = try? session.cocoMetrics()?.get().stats[0]
        let verb: String
        if case .exclude = edit { verb = "excluded" } else { verb = "included" }
        let entry = session.apply(edit, statement: statement) { s in
            var text = "\(verb) \(count) image(s); " + Self.effect(before, s.view().totals())
            if let apBefore, let apAfter = try? s.cocoMetrics()?.get().stats[0] {
                text += ", AP \(Self.format(apBefore)) → \(Self.format(apAfter))"
            }
            return text
        }
        return "\(session.name): \(entry.effect)"
    }

    /// A payload's confusion matrix cannot follow its exclusions: which cells an image fed is
    /// not recorded, only that it fed them.
    static func staleMatrixNote(_ session: EvaluationSession) -> DiagnosticKind? {
        guard !session.hasBoxes, !session.state.excluded.isEmpty, session.view().confusion != nil else { return nil }
        return .matrixKeepsExcludedImages(evaluation: session.name, excluded: session.state.excluded.count)
    }

    func rename(_ className: Name, to newName: Name, statement: String) throws(ExecutionError) -> [QueryResult] {
        let session = try current()
        let index = try ClassLookup.index(of: className, in: session.state.labels)
        guard !newName.text.isEmpty else { throw .invalidValue("a class name cannot be empty", at: newName.range) }
        guard newName.text.lowercased() != "none" else {
            throw .invalidValue("\"none\" is the background in the matrix and in cell; choose another name", at: newName.range)
        }
        if let clash = session.state.labels.firstIndex(of: newName.text), clash != index {
            throw .invalidValue("a class is already called \"\(newName.text)\"", at: newName.range)
        }
        let old = session.state.labels[index]
        session.apply(.rename(classIndex: index, name: newName.text), statement: statement) { _ in "class \"\(old)\" → \"\(newName.text)\"" }
        return [.message(Message("\(session.name): class \"\(old)\" renamed \"\(newName.text)\""))]
    }

    func pendingEdits() throws(ExecutionError) -> PendingEditsResult {
        let session = try current()
        return PendingEditsResult(
            evaluation: session.name,
            edits: session.pending.map { PendingEditsResult.Entry(statement: $0.statement, effect: $0.effect) },
            pushTarget: defaultTarget(session))
    }

    func undo(_ node: StatementNode) throws(ExecutionError) -> [QueryResult] {
        let session = try current()
        guard let edit = session.undo() else { return [.warning(.nothingToUndo, at: node.range)] }
        return [.message(Message("undid '\(edit.statement)' (\(session.pending.count) pending)"))]
    }

    func reset() throws(ExecutionError) -> [QueryResult] {
        let session = try current()
        let count = session.reset()
        return [.message(Message(count == 0 ? "nothing to reset" : "took back \(count) edit(s)"))]
    }

    /// "TP 120 → 118, FP 30 → 25, …" for the counts that changed.
    static func effect(_ before: Totals, _ after: Totals) -> String {
        var parts: [String] = []
        let pairs: [(String, Int, Int)] = [
            ("objects", before.objects, after.objects), ("preds", before.predictions, after.predictions),
            ("TP", before.tp, after.tp), ("FP", before.fp, after.fp), ("FN", before.fn, after.fn),
        ]
        for (name, a, b) in pairs where a != b { parts.append("\(name) \(a) → \(b)") }
        for (name, a, b) in [("precision", before.precision, after.precision), ("recall", before.recall, after.recall), ("F1", before.f1, after.f1)]
        where a != b {
            parts.append("\(name) \(format(a)) → \(format(b))")
        }
        return parts.isEmpty ? "no count changed" : parts.joined(separator: ", ")
    }

    /// Four decimals, enough to see a change in a rate.
    static func format(_ value: Double) -> String { NumberText.fixed(value, places: 4) }

    /// A number's text with a fraction, so that it reads back as typed with one (`1.0`, not `1`).
    static func fractional(_ text: String) -> String {
        text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" || $0.isLetter }) ? text : text + ".0"
    }

    static func show(_ value: JSONValue) -> String {
        switch value {
        case .number(let d): return Self.fractional(NumberText.precise(d))
        case .integer(let i): return String(i)
        case .string(let s): return "\"\(s)\""
        case .bool(let b): return "\(b)"
        case .null: return "null"
        case .array, .object: return "…"
        }
    }
}
