#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small file-system questions the folder readers ask, without Foundation.
public enum FileTree {
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The regular files under `directory` (recursively when asked) whose extension, lowercased,
    /// is one of `extensions`, sorted by path.
    public static func files(in directory: String, extensions: Set<String>, recursive: Bool = false) -> [String] {
        var found: [String] = []
        walk(directory, extensions: extensions, recursive: recursive, into: &found)
        return found.sorted()
    }

    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

    /// An entry's name, read in place: a `dirent` is only as long as its name, so copying the
    /// whole 256-byte `d_name` field reads past the record (AddressSanitizer caught it).
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
    }

    private static func walk(_ directory: String, extensions: Set<String>, recursive: Bool, into found: inout [String]) {
        guard let dir = opendir(directory) else { return }
        defer { closedir(dir) }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        while let entry = readdir(dir) {
            let name = FileTree.name(of: entry)
            if name == "." || name == ".." || name.hasPrefix(".") { continue }
            let path = prefix + name
            var isDir = entry.pointee.d_type == UInt8(DT_DIR)
            var isReg = entry.pointee.d_type == UInt8(DT_REG)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) || entry.pointee.d_type == UInt8(DT_LNK) {
                isDir = isDirectory(path)
                isReg = isFile(path)
            }
            if isDir {
                if recursive { walk(path, extensions: extensions, recursive: true, into: &found) }
            } else if isReg, extensions.contains(fileExtension(name)) {
                found.append(path)
            }
        }
    }

    /// `jpg` for `a/b.JPG`; empty without a dot.
    public static func fileExtension(_ path: String) -> String {
        let name = baseName(path)
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// `b.jpg` for `a/b.jpg`.
    public static func baseName(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// `b` for `a/b.jpg`.
    public static func stem(_ path: String) -> String {
        let name = baseName(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `a` for `a/b.jpg`, `.` for `b.jpg`.
    public static func directory(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    public static func join(_ directory: String, _ name: String) -> String {
        if name.hasPrefix("/") || directory.isEmpty || directory == "." { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    public static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "bmp", "webp"]
}
