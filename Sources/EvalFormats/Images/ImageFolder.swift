/// The images of a folder (and its subfolders) by key (file name without extension), for
/// formats that store coordinates as fractions of the image size.
public struct ImageFolder: Sendable {
    public let path: String
    /// Key → image path.
    public let images: [String: String]

    /// Indexes `path`; two images with one key (`a.jpg`, `a.png`) are refused, naming both.
    public init(path: String) throws(FormatError) {
        guard FileTree.isDirectory(path) else {
            throw .unreadable(file: path, reason: "not a folder of images")
        }
        self.path = path
        var images: [String: String] = [:]
        for file in FileTree.files(in: path, extensions: FileTree.imageExtensions, recursive: true) {
            if let other = images.updateValue(file, forKey: FileTree.stem(file)) {
                throw .located(file: file, line: nil, column: nil,
                               message: "\(other) has the same name: two images for one key \"\(FileTree.stem(file))\"")
            }
        }
        self.images = images
    }

    /// The size of the image with `key`, or an error naming the key, the folder and `source` (the
    /// label file that needs it).
    public func size(key: String, for source: String) throws(FormatError) -> (width: Int, height: Int) {
        guard let image = images[key] else {
            throw .located(file: source, line: nil, column: nil,
                           message: "its image \"\(key).*\" is not in \(path) (needed for the image size)")
        }
        return try ImageHeader.size(path: image)
    }
}
