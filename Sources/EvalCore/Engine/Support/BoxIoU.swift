/// Intersection over union of a detection box and a ground-truth box, computed with the same
/// operations in the same order as pycocotools' `bbIou` (maskApi.c), so thresholds compare
/// identically: `w = fmin(D0+D2, G0+G2) - fmax(D0, G0)`, no +1, and against a crowd box the
/// union is the detection's area. `Double.minimum`/`maximum` treat NaN as C's `fmin`/`fmax` do.
@inline(__always)
func boxIoU(
    dx: Double, dy: Double, dw: Double, dh: Double,
    gx: Double, gy: Double, gw: Double, gh: Double, crowd: Bool
) -> Double {
    let w = Double.minimum(dw + dx, gw + gx) - Double.maximum(dx, gx)
    if w <= 0 { return 0 }
    let h = Double.minimum(dh + dy, gh + gy) - Double.maximum(dy, gy)
    if h <= 0 { return 0 }
    let intersection = w * h
    let detectionArea = dw * dh
    let union = crowd ? detectionArea : detectionArea + gw * gh - intersection
    return intersection / union
}

/// `boxIoU` of prediction `d` of `detections` with object `a` of `annotations`.
@inline(__always)
func boxIoU(prediction d: Int, of detections: Detections, object a: Int, of annotations: AnnotationColumns, crowd: Bool) -> Double {
    boxIoU(
        dx: detections.x[d], dy: detections.y[d], dw: detections.width[d], dh: detections.height[d],
        gx: annotations.x[a], gy: annotations.y[a], gw: annotations.width[a], gh: annotations.height[a], crowd: crowd)
}
