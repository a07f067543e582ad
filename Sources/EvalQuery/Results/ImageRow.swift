/// One image's counts, per class in label-map order.
public struct ImageRow: Equatable, Sendable {
    public var filename: String
    public var nbObjects: [Int]
    public var nbPreds: [Int]
    public var tp: [Int]
    public var fp: [Int]
    public var fn: [Int]
    public var extra: Int?

    public init(filename: String, nbObjects: [Int], nbPreds: [Int], tp: [Int], fp: [Int], fn: [Int], extra: Int? = nil) {
        self.filename = filename
        self.nbObjects = nbObjects
        self.nbPreds = nbPreds
        self.tp = tp
        self.fp = fp
        self.fn = fn
        self.extra = extra
    }
}
