import EvalCore

extension Executor {
    /// `compare A B [matrix | classes | where … | show FILE]`: two evaluations side by side, the
    /// change B − A, classes matched by name and images by filename. Afterwards `A.X`, `B.X` and
    /// `delta.X` name the pair's values in `assert`.
    func compare(_ a: Name, _ b: Name, _ view: CompareView) throws(ExecutionError) -> [QueryResult] {
        let left = try evaluation(a), right = try evaluation(b)
        let pair = try ComparedPair.sharingImages(left, right)
        workspace.comparison = (left.name, right.name)
        switch view {
        case .summary: return [.compareSummary(pair.summary())] + pair.notes.map { .message(Message($0, level: .note)) }
        case .classes(let sort): return [.compareClasses(try pair.classes(sort: sort))]
        case .matrix:
            let result = try pair.matrices()
            return [
                .sideBySide([
                    .matrix(MatrixResult(labels: result.labels, counts: result.countsA, point: left.countsPoint, subject: left.name)),
                    .matrix(MatrixResult(labels: result.labels, counts: result.countsB, point: right.countsPoint, subject: right.name)),
                ]),
                .compareMatrix(result),
            ]
        case .boxes(let query): return [.compareBoxes(try compareBoxes(left, right, query))]
        case .images(let query): return [.compareImages(try pair.images(query))] + pair.notes.map { .message(Message($0, level: .note)) }
        case .show(let filename):
            var results: [QueryResult] = []
            for session in [left, right] {
                let saved = workspace.current
                workspace.use(session)
                defer { if let saved { workspace.use(saved) } }
                var view = try imageView(filename)
                view.subject = session.name
                results.append(.imageView(view))
            }
            return results
        }
    }
}
