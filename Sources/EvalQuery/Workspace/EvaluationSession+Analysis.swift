import EvalCore

/// What the analysis statements computed last, each with what it depends on, so that a second
/// `boxes` query, `sweep CLASS` after `sweep` or `metric confidence=best` after `sweep` reuse it.
struct AnalysisCache {
    var boxes: (point: OperatingPoint, excluded: Set<Int>, table: BoxTable)?
    var sweep: (iou: Double, excluded: Set<Int>, sweep: ConfidenceSweep)?
    var errors: (excluded: Set<Int>, breakdown: TIDEBreakdown)?
}

extension EvaluationSession {
    /// The box table at the current operating point; nil for a payload (no boxes).
    func boxTable() -> BoxTable? {
        guard case .boxes(let evaluator) = data, let result = view().result else { return nil }
        if let cached = analysisCache.boxes, cached.point == state.point, cached.excluded == state.excluded {
            return cached.table
        }
        let table = evaluator.boxTable(result)
        analysisCache.boxes = (state.point, state.excluded, table)
        return table
    }

    /// The confidence sweep at `iou` over the included images; nil for a payload.
    func confidenceSweep(iou: Double) throws(EvalCoreError) -> ConfidenceSweep? {
        guard case .boxes(let evaluator) = data else { return nil }
        if let cached = analysisCache.sweep, cached.iou == iou, cached.excluded == state.excluded { return cached.sweep }
        let sweep = try evaluator.confidenceSweep(iou: iou, imageMask: state.imageMask(count: imageCount))
        analysisCache.sweep = (iou, state.excluded, sweep)
        return sweep
    }

    /// TIDE's breakdown over the included images; nil for a payload.
    func tideBreakdown() throws(EvalCoreError) -> TIDEBreakdown? {
        guard case .boxes(let evaluator) = data else { return nil }
        if let cached = analysisCache.errors, cached.excluded == state.excluded { return cached.breakdown }
        let breakdown = try evaluator.tideBreakdown(imageMask: state.imageMask(count: imageCount))
        analysisCache.errors = (state.excluded, breakdown)
        return breakdown
    }
}
