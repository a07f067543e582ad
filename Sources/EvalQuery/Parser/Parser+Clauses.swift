/// The clauses shared by image lists and class tables, and `cell`'s matrix coordinates.
extension Parser {
    /// `[where PREDICATE] [sort FIELD [asc|desc]] [limit N]`, each optional, in that order.
    /// - Parameter requiringPredicate: true after the `where` statement's keyword, which is
    ///   already consumed: the predicate comes first and is required.
    mutating func imageQuery(requiringPredicate: Bool = false) throws(Diagnostic) -> ImageQuery {
        var query = ImageQuery()
        if requiringPredicate || take("where") {
            query.predicate = try condition()
        }
        if take("sort") {
            query.sort = try sortClause()
        }
        if take("limit") {
            query.limit = try count()
        }
        return query
    }

    /// `FIELD [asc|desc]`, after `sort`.
    mutating func sortClause() throws(Diagnostic) -> SortClause {
        guard cursor.current.kind == .word || isString(cursor.current) else { throw expected(.field) }
        let key = try reference()
        if take("asc") { return SortClause(key, .ascending) }
        if take("desc") { return SortClause(key, .descending) }
        return SortClause(key)
    }

    /// `sort …` when present.
    mutating func optionalSort() throws(Diagnostic) -> SortClause? {
        take("sort") ? try sortClause() : nil
    }

    /// A class name, bare `none`, or a bare whole number (a matrix row or column).
    mutating func classRef() throws(Diagnostic) -> ClassRef {
        let name = try word(.classOrBackground)
        if name.isQuoted { return .name(name) }
        if name.text.lowercased() == "none" { return .background }
        if !name.text.isEmpty, name.text.allSatisfy({ $0 >= "0" && $0 <= "9" }) {
            if Int(name.text) == nil {
                throw Diagnostic(
                    .numberOutOfRange(name.text, limit: "a row or column of the matrix"), at: name.range ?? SourceRange(at: .start))
            }
            guard let index = Int(name.text), index >= 1 else {
                throw Diagnostic(.expected(.classOrBackground, after: nil, found: name.text), at: name.range ?? SourceRange(at: .start))
            }
            return .index(index, at: name.range)
        }
        return .name(name)
    }

    func isString(_ token: Token) -> Bool {
        if case .string = token.kind { return true }
        return false
    }
}
