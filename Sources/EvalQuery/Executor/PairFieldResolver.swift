/// Names in `compare A B where …`: `A.FN`, `cand.FN[car]`, `delta.FN` (B − A) over the common
/// images (a row is an index into the pair's `images`); unqualified fields read B.
struct PairFieldResolver: ReferenceResolver {
    let pair: ComparedPair

    func resolve(_ reference: Reference) throws(ExecutionError) -> Compiled {
        let side = try self.side(reference.qualifier)
        var bare = reference
        bare.qualifier = nil
        let sideA = try field(bare, pair.viewA, classMap: { $0.a }), sideB = try field(bare, pair.viewB, classMap: { $0.b })
        let images = pair.images
        switch (side, sideA, sideB) {
        case (.a, .number(let f), _): return .number { (r: Int) throws(ExecutionError) in try f(images[r].a) }
        case (.b, _, .number(let g)): return .number { (r: Int) throws(ExecutionError) in try g(images[r].b) }
        case (.delta, .number(let f), .number(let g)):
            return .number { (r: Int) throws(ExecutionError) in try g(images[r].b) - f(images[r].a) }
        case (_, .text(let f), _): return .text { (r: Int) throws(ExecutionError) in try f(images[r].a) }
        default: throw .typeMismatch("'\(reference)' has no value here", at: reference.range)
        }
    }

    private enum Side { case a, b, delta }

    private func side(_ qualifier: Name?) throws(ExecutionError) -> Side {
        guard let q = qualifier?.text.lowercased() else { return .b }
        if q == "delta" { return .delta }
        if q == "a" || q == pair.a.name.lowercased() { return .a }
        if q == "b" || q == pair.b.name.lowercased() { return .b }
        throw .unknownEvaluation(
            qualifier!.text, suggestion: Suggestion.closest(to: qualifier!.text, among: [pair.a.name, pair.b.name, "delta"]),
            at: qualifier!.range)
    }

    /// A field on one side; a class is looked up by name among the classes both sides share.
    private func field(_ reference: Reference, _ view: EvaluationView, classMap: ((name: String, a: Int, b: Int)) -> Int)
        throws(ExecutionError) -> Compiled
    {
        var local = reference
        if let className = reference.className {
            let shared = pair.classes.map(\.name)
            let i = try ClassLookup.index(of: className, in: shared)
            local.className = Name(view.labels[classMap(pair.classes[i])])
        }
        return try ImageFieldResolver(view: view).resolve(local)
    }

    func has(_ name: Name) throws(ExecutionError) -> Compiled {
        guard case .condition(let f) = try ImageFieldResolver(view: pair.viewA).has(name) else { return .condition { _ in false } }
        let images = pair.images
        return .condition { (r: Int) throws(ExecutionError) in try f(images[r].a) }
    }

    func predicted(_ name: Name) throws(ExecutionError) -> Compiled {
        guard case .condition(let f) = try ImageFieldResolver(view: pair.viewB).predicted(name) else { return .condition { _ in false } }
        let images = pair.images
        return .condition { (r: Int) throws(ExecutionError) in try f(images[r].b) }
    }

    func rowText(_ row: Int) throws(ExecutionError) -> String {
        " for image \(pair.viewA.filenames[pair.images[row].a])"
    }
}
