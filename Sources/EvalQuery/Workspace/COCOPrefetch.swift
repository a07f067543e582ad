import EvalCore
import Foundation

/// COCO metrics computed on a thread of their own as soon as an evaluation is loaded, so that
/// the first `summary`, `classes` or `pr` of an interactive session finds them ready: at COCO
/// scale they take a few hundred milliseconds, about the time it takes to type a statement.
/// A statement that needs them before they are done waits for the same computation.
final class COCOPrefetch: @unchecked Sendable {
    /// The excluded images the metrics are computed without.
    let excluded: Set<Int>
    private let condition = NSCondition()
    private var result: Result<COCOMetrics, EvalCoreError>?

    init(evaluator: Evaluator, imageMask: [Bool]?, excluded: Set<Int>) {
        self.excluded = excluded
        let thread = Thread { [self] in
            let metrics = Result { () throws(EvalCoreError) in try evaluator.cocoMetrics(imageMask: imageMask) }
            condition.lock()
            result = metrics
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// The metrics, once computed.
    func wait() -> Result<COCOMetrics, EvalCoreError> {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
