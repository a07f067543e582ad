/// An image of the ground truth: its dataset id, file name and size in pixels.
public struct ImageInfo: Equatable, Hashable, Sendable {
    public var id: Int
    public var fileName: String
    public var width: Double
    public var height: Double

    public init(id: Int, fileName: String, width: Double, height: Double) {
        self.id = id
        self.fileName = fileName
        self.width = width
        self.height = height
    }
}
