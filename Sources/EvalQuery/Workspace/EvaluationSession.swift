import EvalCore
import Foundation

/// One loaded evaluation in the workspace: its data, its pending edits, and the numbers at its
/// current state, computed when first asked for and kept until an edit changes them.
public final class EvaluationSession {
    public var name: String
    public let origin: EvaluationOrigin
    public let data: EvaluationData
    /// The state as loaded, pulled or last pushed.
    public private(set) var base: EvaluationState
    public private(set) var pending: [PendingEdit] = []
    /// `base` with the pending edits applied.
    public private(set) var state: EvaluationState

    private var cachedView: EvaluationView?
    private var cachedCOCO: (excluded: Set<Int>, metrics: Result<COCOMetrics, EvalCoreError>)?
    private var prefetch: COCOPrefetch?
    private var cachedSubsetCOCO: (images: [Int], metrics: Result<COCOMetrics, EvalCoreError>)?
    /// The box table, sweep and TIDE breakdown last computed (`EvaluationSession+Analysis`).
    var analysisCache = AnalysisCache()

    public init(name: String, origin: EvaluationOrigin, data: EvaluationData) {
        self.name = name
        self.origin = origin
        self.data = data
        let state: EvaluationState
        switch data {
        case .boxes(let evaluator):
            let point = OperatingPoint.seedDefault
            state = EvaluationState(
                point: point, metrics: [("iou", .number(point.iou)), ("confidence", .number(point.confidence))],
                excluded: [], labels: evaluator.groundTruth.categories.map(\.name))
        case .payload(let payload, _):
            let metrics = payload.metrics ?? []
            let point = OperatingPoint(
                iou: metrics.first { $0.key == "iou" }?.value.number ?? OperatingPoint.seedDefault.iou,
                confidence: metrics.first { $0.key == "confidence" }?.value.number ?? OperatingPoint.seedDefault.confidence)
            state = EvaluationState(point: point, metrics: metrics, excluded: [], labels: payload.labels)
        }
        self.base = state
        self.state = state
    }

    /// The operating point the counts are at: the current one when boxes are loaded; for a
    /// payload, the one it was loaded with, since `metric iou=…` there only sets a metrics entry.
    public var countsPoint: OperatingPoint { hasBoxes ? state.point : base.point }

    /// True when the numbers can be recomputed (boxes are loaded), false for a payload.
    public var hasBoxes: Bool {
        if case .boxes = data { return true }
        return false
    }

    public var imageCount: Int {
        switch data {
        case .boxes(let e): return e.groundTruth.images.count
        case .payload(let p, _): return p.perImage.count
        }
    }

    /// The numbers at the current state.
    public func view() -> EvaluationView {
        if let cachedView { return cachedView }
        let view = makeView()
        cachedView = view
        return view
    }

    /// COCO metrics over the included images; nil for a payload (no boxes to rank).
    public func cocoMetrics() -> Result<COCOMetrics, EvalCoreError>? {
        guard case .boxes(let evaluator) = data else { return nil }
        if let cachedCOCO, cachedCOCO.excluded == state.excluded { return cachedCOCO.metrics }
        let metrics: Result<COCOMetrics, EvalCoreError>
        if let prefetch, prefetch.excluded == state.excluded {
            metrics = prefetch.wait()
        } else {
            let mask = state.imageMask(count: imageCount)
            do { metrics = .success(try evaluator.cocoMetrics(imageMask: mask)) } catch { metrics = .failure(error) }
        }
        cachedCOCO = (state.excluded, metrics)
        return metrics
    }

    /// COCO metrics over some of the included images only (a comparison's common images); the
    /// same as `cocoMetrics()` when they are all of them.
    public func cocoMetrics(over images: [Int]) -> Result<COCOMetrics, EvalCoreError>? {
        guard case .boxes(let evaluator) = data else { return nil }
        let sorted = images.sorted()
        if sorted == view().included { return cocoMetrics() }
        if let cachedSubsetCOCO, cachedSubsetCOCO.images == sorted { return cachedSubsetCOCO.metrics }
        var mask = [Bool](repeating: false, count: imageCount)
        for i in sorted { mask[i] = true }
        let metrics = Result { () throws(EvalCoreError) in try evaluator.cocoMetrics(imageMask: mask) }
        cachedSubsetCOCO = (sorted, metrics)
        return metrics
    }

    /// The COCO statistics a payload's `metrics` recorded when it was pushed (`AP`, `AP50`, …), as
    /// long as no image is excluded since: they hold for the images the payload was made from.
    public var recordedStatistics: [String: Double] {
        guard case .payload = data, state.excluded.isEmpty else { return [:] }
        var found: [String: Double] = [:]
        for (key, value) in state.metrics where COCOMetrics.statNames.contains(key) {
            if let number = value.number { found[key] = number }
        }
        return found
    }

    /// Starts computing the COCO metrics of the current state on another thread (an interactive
    /// session calls it after a load; a script computes them only if it asks).
    public func prefetchCOCOMetrics() {
        guard case .boxes(let evaluator) = data, cachedCOCO == nil, prefetch == nil else { return }
        prefetch = COCOPrefetch(evaluator: evaluator, imageMask: state.imageMask(count: imageCount), excluded: state.excluded)
    }

    /// Prepares, on other threads, what the first statement after a load or pull will need: the
    /// COCO metrics of the current state and the operating point's index, while the prompt is
    /// already back (an interactive session calls it; a statement asking before they are done
    /// waits for the same work).
    public func prepareNumbers() {
        prefetchCOCOMetrics()
        guard case .boxes(let evaluator) = data else { return }
        Thread { evaluator.buildIndexes(coco: false, point: true) }.start()
    }

    /// Applies an edit and records it as pending; `effect` describes what it changed, reading the
    /// session after the edit (the caller captures the numbers before it).
    @discardableResult
    public func apply(_ edit: Edit, statement: String, effect: (EvaluationSession) -> String) -> PendingEdit {
        let next = state.applying(edit)
        let invalidates = next.point != state.point || next.excluded != state.excluded || next.labels != state.labels
        state = next
        if invalidates { cachedView = nil }
        let entry = PendingEdit(edit: edit, statement: statement, effect: effect(self))
        pending.append(entry)
        return entry
    }

    /// Takes back the last pending edit.
    public func undo() -> PendingEdit? {
        guard let last = pending.popLast() else { return nil }
        replay()
        return last
    }

    /// Takes back every pending edit.
    public func reset() -> Int {
        let count = pending.count
        pending.removeAll()
        replay()
        return count
    }

    /// Restores pending edits (from the journal) on top of the base state.
    public func restore(_ edits: [PendingEdit]) {
        pending = edits
        replay()
    }

    /// After a push or pull: the current state becomes the base, nothing is pending.
    public func markSaved() {
        base = state
        pending.removeAll()
    }

    private func replay() {
        let next = pending.reduce(base) { $0.applying($1.edit) }
        if next.point != state.point || next.excluded != state.excluded || next.labels != state.labels {
            cachedView = nil
        }
        state = next
    }

    /// The numbers at the current operating point with no image excluded: what `include where`
    /// reads, since excluded images count nothing in `view()`.
    public func viewIgnoringExclusions() -> EvaluationView {
        var all = state
        all.excluded = []
        return makeView(all)
    }

    private func makeView(_ state: EvaluationState? = nil) -> EvaluationView {
        let state = state ?? self.state
        let included = (0..<imageCount).filter { !state.excluded.contains($0) }
        switch data {
        case .boxes(let evaluator):
            let result = evaluator.operatingPoint(state.point, imageMask: state.imageMask(count: imageCount))
            return EvaluationView(
                labels: state.labels, filenames: evaluator.groundTruth.images.map(\.fileName), included: included,
                counts: result.counts, confusion: result.confusion, result: result, filenameMatrix: nil)
        case .payload(let payload, let matrixLog):
            return EvaluationView(
                labels: state.labels, filenames: payload.perImage.map(\.filename), included: included,
                counts: payload.counts, confusion: matrixLog?.counts, result: nil, filenameMatrix: payload.filenameMatrix)
        }
    }
}
