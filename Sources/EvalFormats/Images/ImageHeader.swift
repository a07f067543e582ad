#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An image's size in pixels read from its header (JPEG, PNG, BMP, WebP), never decoding it:
/// at most a few small reads per file. EXIF orientation is not applied (sizes are the stored
/// ones, as COCO's `width` and `height` are).
public enum ImageHeader {
    public static func size(path: String) throws(FormatError) -> (width: Int, height: Int) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .unreadable(file: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: 64)
        let got = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 64, 0) }
        guard got > 0 else { throw unreadable(path, "empty or unreadable image") }
        head.removeSubrange(got...)
        if let size = png(head) ?? bmp(head) ?? webp(head) { return size }
        if head.count >= 2 && head[0] == 0xFF && head[1] == 0xD8 {
            if let size = jpeg(fd) { return size }
            throw unreadable(path, "a JPEG without a frame header (SOF)")
        }
        throw unreadable(path, "not a JPEG, PNG, BMP or WebP image")
    }

    private static func unreadable(_ path: String, _ reason: String) -> FormatError {
        .unreadable(file: path, reason: reason)
    }

    static func png(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 24, b[0] == 0x89, b[1] == 0x50, b[2] == 0x4E, b[3] == 0x47,
            b[12] == 0x49, b[13] == 0x48, b[14] == 0x44, b[15] == 0x52 else { return nil }
        return (Int(be32(b, 16)), Int(be32(b, 20)))
    }

    static func bmp(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 26, b[0] == 0x42, b[1] == 0x4D else { return nil }
        let width = Int32(bitPattern: le32(b, 18))
        let height = Int32(bitPattern: le32(b, 22))
        return (Int(width.magnitude), Int(height.magnitude))
    }

    static func webp(_ b: [UInt8]) -> (Int, Int)? {
        guard b.count >= 30, b[0...3] == [0x52, 0x49, 0x46, 0x46], b[8...11] == [0x57, 0x45, 0x42, 0x50] else {
            return nil
        }
        switch String(decoding: b[12...15], as: UTF8.self) {
        case "VP8 ":
            return (Int(le16(b, 26) & 0x3FFF), Int(le16(b, 28) & 0x3FFF))
        case "VP8L":
            let bits = le32(b, 21)
            return (Int(bits & 0x3FFF) + 1, Int((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            let width = Int(b[24]) | Int(b[25]) << 8 | Int(b[26]) << 16
            let height = Int(b[27]) | Int(b[28]) << 8 | Int(b[29]) << 16
            return (width + 1, height + 1)
        default:
            return nil
        }
    }

    /// Walks the JPEG's segments from byte 2 to the first start-of-frame, reading 9 bytes a step.
    private static func jpeg(_ fd: Int32) -> (Int, Int)? {
        var offset = 2
        var segment = [UInt8](repeating: 0, count: 9)
        for _ in 0..<10_000 {
            let got = segment.withUnsafeMutableBytes { pread(fd, $0.baseAddress, 9, off_t(offset)) }
            guard got >= 4, segment[0] == 0xFF else { return nil }
            let marker = segment[1]
            if marker == 0xFF { offset += 1; continue }
            if marker == 0x01 || (0xD0...0xD9).contains(marker) { offset += 2; continue }
            let length = Int(segment[2]) << 8 | Int(segment[3])
            let isFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isFrame {
                guard got >= 9 else { return nil }
                return (Int(segment[7]) << 8 | Int(segment[8]), Int(segment[5]) << 8 | Int(segment[6]))
            }
            guard length >= 2 else { return nil }
            offset += 2 + length
        }
        return nil
    }

    private static func be32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) << 24 | UInt32(b[i + 1]) << 16 | UInt32(b[i + 2]) << 8 | UInt32(b[i + 3])
    }
    private static func le32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
    private static func le16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
}
