import EvalCore

extension LabeledSet {
    /// The set as COCO ground truth: images in key order (ids the keys when every key is a
    /// number, else 1, 2, …), categories in names order (ids the YOLO class indices, else 1, 2, …),
    /// boxes in pixels with `area` w·h and `ignored` boxes as crowd.
    public func groundTruth() throws(FormatError) -> GroundTruth {
        let ordered = images.sorted { $0.key < $1.key }
        let numericIds = ordered.map { Self.numericKey($0.key) }
        let useNumeric = !numericIds.contains(nil) && Set(numericIds).count == numericIds.count
        var infos: [ImageInfo] = []
        infos.reserveCapacity(ordered.count)
        for (i, image) in ordered.enumerated() {
            if normalized, image.width == nil || image.height == nil {
                throw .located(file: image.source, line: nil, column: nil,
                               message: "\(format) coordinates are fractions of the image size, and the image is not known: "
                                   + "give the images folder (--images DIR, or set images DIR before load)")
            }
            infos.append(ImageInfo(id: useNumeric ? numericIds[i]! : i + 1, fileName: image.fileName,
                                   width: image.width ?? 0, height: image.height ?? 0))
        }
        let (categoryNames, categoryIds) = try labelMap()
        var byName: [String: Int32] = [:]
        for (i, name) in categoryNames.enumerated() where byName[name] == nil { byName[name] = Int32(i) }
        var columns = AnnotationColumns()
        columns.reserveCapacity(boxCount)
        var nextId = 1
        for (imageIndex, image) in ordered.enumerated() {
            let scaleX = normalized ? image.width! : 1
            let scaleY = normalized ? image.height! : 1
            for box in image.boxes {
                let category: Int32
                switch box.label {
                case .index(let index):
                    guard index < categoryNames.count else {
                        throw .located(file: image.source, line: box.line, column: nil,
                                       message: "class \(index) is outside the \(categoryNames.count) names")
                    }
                    category = Int32(index)
                case .name(let name): category = byName[name]!
                }
                let pixels = BoundingBox(x: box.x * scaleX, y: box.y * scaleY, width: box.width * scaleX,
                                         height: box.height * scaleY)
                columns.append(id: nextId, image: Int32(imageIndex), category: category, box: pixels, area: pixels.area,
                               isCrowd: box.ignored, ignore: box.ignored)
                nextId += 1
            }
        }
        let categories = zip(categoryIds, categoryNames).map { Category(id: $0, name: $1) }
        return GroundTruth(images: infos, categories: categories, annotations: columns)
    }

    /// Names and ids of the label map: YOLO's names with their indices as ids (`0`, `1`, … as
    /// names when no names file was found); other formats' names (the declared ones, else
    /// every name met, sorted) with ids 1, 2, ….
    func labelMap() throws(FormatError) -> (names: [String], ids: [Int]) {
        if format == .yolo {
            if let names { return (names, Array(0..<names.count)) }
            var top = -1
            for image in images { for box in image.boxes { if case .index(let i) = box.label { top = max(top, i) } } }
            return ((0...max(top, 0)).map(String.init), Array(0...max(top, 0)))
        }
        var names = self.names ?? []
        var known = Set(names)
        var met: Set<String> = []
        for image in images { for box in image.boxes { if case .name(let n) = box.label { met.insert(n) } } }
        if self.names == nil {
            names = met.sorted()
        } else {
            for extra in met.subtracting(known).sorted() { names.append(extra); known.insert(extra) }
        }
        return (names, names.indices.map { $0 + 1 })
    }

    /// The set as predictions of `groundTruth`: images matched by key (the file name without
    /// extension), classes by name (or, with indices and no names, by position in the ground
    /// truth's label map); every name that matches nothing is listed in one error.
    public func detections(against groundTruth: GroundTruth, file: String) throws(FormatError) -> Detections {
        let imageIndex = Self.keyIndex(groundTruth)
        var byName: [String: Int32] = [:]
        for (i, category) in groundTruth.categories.enumerated() where byName[category.name] == nil {
            byName[category.name] = Int32(i)
        }
        var unmatched: Set<String> = []
        for image in images {
            for box in image.boxes {
                switch box.label {
                case .name(let name) where byName[name] == nil: unmatched.insert(name)
                case .index(let index):
                    if let names, index < names.count, byName[names[index]] == nil { unmatched.insert(names[index]) }
                default: break
                }
            }
        }
        if !unmatched.isEmpty {
            throw .unmatchedNames(file: file, names: unmatched.sorted(), known: groundTruth.categories.map(\.name))
        }
        var detections = Detections()
        detections.reserveCapacity(boxCount)
        for image in images {
            guard let index = imageIndex[image.key] else {
                throw .located(file: image.source, line: nil, column: nil,
                               message: "image \"\(image.key)\" is not in the ground truth")
            }
            let info = groundTruth.images[Int(index)]
            let scaleX = normalized ? info.width : 1
            let scaleY = normalized ? info.height : 1
            for box in image.boxes {
                let category: Int32
                switch box.label {
                case .name(let name): category = byName[name]!
                case .index(let i):
                    if let names {
                        category = byName[names[i]]!
                    } else {
                        guard i < groundTruth.categories.count else {
                            throw .located(file: image.source, line: box.line, column: 1,
                                           message: "class \(i) is outside the ground truth's \(groundTruth.categories.count) classes")
                        }
                        category = Int32(i)
                    }
                }
                detections.append(
                    image: index, category: category,
                    box: BoundingBox(x: box.x * scaleX, y: box.y * scaleY, width: box.width * scaleX,
                                     height: box.height * scaleY),
                    score: box.score)
            }
        }
        return detections
    }

    /// Ground-truth image index by key (the file name without folder and extension).
    static func keyIndex(_ groundTruth: GroundTruth) -> [String: Int32] {
        var index: [String: Int32] = [:]
        index.reserveCapacity(groundTruth.images.count)
        for (i, image) in groundTruth.images.enumerated() { index[FileTree.stem(image.fileName)] = Int32(i) }
        return index
    }

    static func numericKey(_ key: String) -> Int? {
        guard !key.isEmpty, key.count <= 15, key.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(key)
    }
}
