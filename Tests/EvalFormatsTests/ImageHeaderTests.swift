import Foundation
import XCTest

@testable import EvalFormats

/// Sizes read from hand-built headers (the bytes laid out as each format's specification says).
final class ImageHeaderTests: XCTestCase {
    private func size(_ bytes: [UInt8], _ name: String) throws -> (Int, Int) {
        let root = try folder([:])
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let path = root + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let size = try ImageHeader.size(path: path)
        return (size.width, size.height)
    }

    func testPNG() throws {
        XCTAssertTrue(try size(pngHeader(width: 640, height: 427), "a.png") == (640, 427))
    }

    func testBMPWithTopDownHeight() throws {
        var header = [UInt8](repeating: 0, count: 54)
        header[0] = 0x42; header[1] = 0x4D
        header[18] = 0x20; header[19] = 0x03  // width 800
        let height = UInt32(bitPattern: -600)  // negative: rows top-down
        for k in 0..<4 { header[22 + k] = UInt8((height >> (8 * UInt32(k))) & 0xFF) }
        XCTAssertTrue(try size(header, "a.bmp") == (800, 600))
    }

    func testJPEGAfterAnAPP1Segment() throws {
        var bytes: [UInt8] = [0xFF, 0xD8]
        bytes += [0xFF, 0xE1, 0x00, 0x10] + [UInt8](repeating: 0x45, count: 14)  // APP1, 16 bytes with the length
        bytes += [0xFF, 0xDB, 0x00, 0x04, 0x00, 0x00]  // a DQT stub
        bytes += [0xFF, 0xC2, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80, 0x03]  // SOF2: 8 bits, h 480, w 640
        XCTAssertTrue(try size(bytes, "a.jpg") == (640, 480))
    }

    func testWebPLossyLosslessAndExtended() throws {
        func riff(_ chunk: String, _ payload: [UInt8]) -> [UInt8] {
            Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8) + Array(chunk.utf8) + [0, 0, 0, 0] + payload
                + [UInt8](repeating: 0, count: 16)
        }
        // VP8: frame tag (3), start code 9D 01 2A, width 14 bits LE, height 14 bits LE
        let lossy = riff("VP8 ", [0, 0, 0, 0x9D, 0x01, 0x2A, 0x90, 0x01, 0x2C, 0x01])
        XCTAssertTrue(try size(lossy, "a.webp") == (400, 300))
        // VP8L: signature 2F, then (width−1) in 14 bits, (height−1) in 14 bits, little-endian
        let bits: UInt32 = 399 | (299 << 14)
        let lossless = riff("VP8L", [0x2F, UInt8(bits & 0xFF), UInt8((bits >> 8) & 0xFF), UInt8((bits >> 16) & 0xFF),
                                     UInt8(bits >> 24)])
        XCTAssertTrue(try size(lossless, "b.webp") == (400, 300))
        // VP8X: flags (4), (width−1) 24 bits LE, (height−1) 24 bits LE
        let extended = riff("VP8X", [0, 0, 0, 0, 0x8F, 0x01, 0x00, 0x2B, 0x01, 0x00])
        XCTAssertTrue(try size(extended, "c.webp") == (400, 300))
    }

    func testNotAnImageIsNamed() throws {
        XCTAssertThrowsError(try size(Array("hello, world".utf8), "a.jpg")) { error in
            XCTAssertTrue("\(error)".hasSuffix("a.jpg: cannot read: not a JPEG, PNG, BMP or WebP image"), "\(error)")
        }
    }
}
