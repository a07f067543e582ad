/// The sum of `values` in exactly the order NumPy's `np.add.reduce` adds float64s (its
/// `pairwise_sum`: 8 interleaved accumulators inside blocks of up to 128 elements, halves split at a
/// multiple of 8 above that), so that means computed here are bit-identical to `np.mean`.
func numpyPairwiseSum(_ values: UnsafeBufferPointer<Double>) -> Double {
    0.0 + pairwiseSum(values, values.startIndex, values.count)
}

/// `np.mean` of `values` as pycocotools' `summarize` calls it: the pairwise sum divided by the count.
func numpyMean(_ values: [Double]) -> Double {
    values.withUnsafeBufferPointer { numpyPairwiseSum($0) } / Double(values.count)
}

private let pairwiseBlockSize = 128

private func pairwiseSum(_ a: UnsafeBufferPointer<Double>, _ start: Int, _ n: Int) -> Double {
    if n < 8 {
        var sum = 0.0
        for i in 0..<n { sum += a[start + i] }
        return sum
    }
    if n <= pairwiseBlockSize {
        var r0 = a[start], r1 = a[start + 1], r2 = a[start + 2], r3 = a[start + 3]
        var r4 = a[start + 4], r5 = a[start + 5], r6 = a[start + 6], r7 = a[start + 7]
        var i = 8
        let blockEnd = n - n % 8
        while i < blockEnd {
            let p = start + i
            r0 += a[p]; r1 += a[p + 1]; r2 += a[p + 2]; r3 += a[p + 3]
            r4 += a[p + 4]; r5 += a[p + 5]; r6 += a[p + 6]; r7 += a[p + 7]
            i += 8
        }
        var sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        while i < n {
            sum += a[start + i]
            i += 1
        }
        return sum
    }
    var half = n / 2
    half -= half % 8
    return pairwiseSum(a, start, half) + pairwiseSum(a, start + half, n - half)
}
