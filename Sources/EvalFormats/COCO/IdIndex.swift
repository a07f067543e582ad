/// Maps dataset ids (image ids, category ids) to their index in file order.
///
/// A dense table when the ids are compact enough (COCO image ids up to ~600,000 cost
/// 2.4 MB), a dictionary otherwise; looked up once per annotation or prediction.
struct IdIndex: Sendable {
    private var dense: [Int32] = []
    private var sparse: [Int: Int32] = [:]
    private var useDense = false

    /// Fails with the index of the first repeated id.
    init(ids: [Int]) throws(DuplicateId) {
        let minimum = ids.min() ?? 0
        let maximum = ids.max() ?? 0
        if minimum >= 0 && maximum < max(4 * ids.count, 1 << 20) {
            useDense = true
            dense = Array(repeating: -1, count: maximum + 1)
            for (index, id) in ids.enumerated() {
                guard dense[id] < 0 else { throw DuplicateId(index: index, id: id) }
                dense[id] = Int32(index)
            }
        } else {
            sparse.reserveCapacity(ids.count)
            for (index, id) in ids.enumerated() {
                guard sparse.updateValue(Int32(index), forKey: id) == nil else { throw DuplicateId(index: index, id: id) }
            }
        }
    }

    struct DuplicateId: Error {
        var index: Int
        var id: Int
    }

    @inline(__always)
    func index(of id: Int) -> Int32? {
        if useDense {
            guard id >= 0 && id < dense.count else { return nil }
            let index = dense[id]
            return index < 0 ? nil : index
        }
        return sparse[id]
    }
}
