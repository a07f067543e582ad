/// A stable counting sort of the items `0..<count` by `key(item)` in `0..<keys`: the items of key
/// `k` are `items[start[k]..<start[k + 1]]`, in increasing order (file order for annotations).
func countingSort(count: Int, keys: Int, key: (Int) -> Int) -> (start: [Int], items: [Int32]) {
    var start = [Int](repeating: 0, count: keys + 1)
    for i in 0..<count { start[key(i) + 1] += 1 }
    for k in 0..<keys { start[k + 1] += start[k] }
    var fill = start
    var items = [Int32](repeating: 0, count: count)
    for i in 0..<count {
        let k = key(i)
        items[fill[k]] = Int32(i)
        fill[k] += 1
    }
    return (start, items)
}

/// The same stable sort of a list of items (kept in their given order within a key).
func countingSort(items input: [Int32], keys: Int, key: (Int32) -> Int) -> (start: [Int], items: [Int32]) {
    var start = [Int](repeating: 0, count: keys + 1)
    for item in input { start[key(item) + 1] += 1 }
    for k in 0..<keys { start[k + 1] += start[k] }
    var fill = start
    var items = [Int32](repeating: 0, count: input.count)
    for item in input {
        let k = key(item)
        items[fill[k]] = item
        fill[k] += 1
    }
    return (start, items)
}
