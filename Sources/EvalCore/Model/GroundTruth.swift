/// COCO ground truth, held in columns so that a COCO-scale file (37,000 boxes) costs a few
/// megabytes and the engines walk contiguous arrays.
///
/// `image` and `category` are indices into `images` and `categories` (not dataset ids);
/// annotations keep file order, which pycocotools' tie-breaking depends on.
public struct GroundTruth: Sendable {
    public var images: [ImageInfo]
    public var categories: [Category]
    public var annotations: AnnotationColumns

    public init(images: [ImageInfo], categories: [Category], annotations: AnnotationColumns) {
        self.images = images
        self.categories = categories
        self.annotations = annotations
    }
}

/// The columns of the ground-truth annotations, one element per annotation, in file order.
public struct AnnotationColumns: Sendable {
    /// The annotation's `id` in the file (pycocotools treats id 0 as "no match": kept for that quirk).
    public var id: [Int] = []
    public var image: [Int32] = []
    public var category: [Int32] = []
    public var x: [Double] = []
    public var y: [Double] = []
    public var width: [Double] = []
    public var height: [Double] = []
    /// The annotation's `area` field (segment area in COCO), which area ranges test; not w·h.
    public var area: [Double] = []
    public var isCrowd: [Bool] = []
    /// The optional `ignore` flag as read; pycocotools overwrites it with `iscrowd`.
    public var ignore: [Bool] = []

    public init() {}

    public var count: Int { id.count }

    public func box(_ i: Int) -> BoundingBox {
        BoundingBox(x: x[i], y: y[i], width: width[i], height: height[i])
    }

    public mutating func reserveCapacity(_ n: Int) {
        id.reserveCapacity(n); image.reserveCapacity(n); category.reserveCapacity(n)
        x.reserveCapacity(n); y.reserveCapacity(n); width.reserveCapacity(n); height.reserveCapacity(n)
        area.reserveCapacity(n); isCrowd.reserveCapacity(n); ignore.reserveCapacity(n)
    }

    public mutating func append(
        id: Int, image: Int32, category: Int32, box: BoundingBox, area: Double, isCrowd: Bool,
        ignore: Bool
    ) {
        self.id.append(id); self.image.append(image); self.category.append(category)
        x.append(box.x); y.append(box.y); width.append(box.width); height.append(box.height)
        self.area.append(area); self.isCrowd.append(isCrowd); self.ignore.append(ignore)
    }
}
