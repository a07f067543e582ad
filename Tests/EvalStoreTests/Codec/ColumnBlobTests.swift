import Foundation
import XCTest

@testable import EvalStore

/// Columns come back bit for bit; a damaged column is refused with what is wrong.
final class ColumnBlobTests: XCTestCase {
    private let awkwardDoubles: [Double] = [
        0, -0.0, 1, -1, 0.1, 1e-310, -Double.leastNonzeroMagnitude, .greatestFiniteMagnitude, .infinity, -.infinity,
        .nan, Double(bitPattern: 0x7FF8_0000_0000_0001), 258.15123456789012, 0.236_123_456_789_012_3,
    ]

    func testEveryKindRoundTripsBitForBit() throws {
        let integers: [Int64] = [0, 1, -1, Int64.max, Int64.min, 397_133, 397_133, 12, 900_100_000_000]
        let steps: [Double] = (0..<5000).map { (i: Int) -> Double in Double(i) * 0.731 + 1 / Double(i + 1) }
        let columns: [ColumnValues] = [
            .int64(integers),
            .int64([]),
            .float64(awkwardDoubles),
            .float64(steps),
            .bool([true, false, false, true]),
            .bool([Bool](repeating: false, count: 1000)),
            .string(["000000397133.jpg", "", "é 🚗", String(repeating: "x", count: 300)]),
            .bytes(Data(#"{"categories": ["1"]}"#.utf8)),
        ]
        for column in columns {
            let decoded = try ColumnBlob.decode(ColumnBlob.encode(column))
            XCTAssertEqual(decoded, column, "\(column.kindName) of \(column.count)")
        }
        guard case .float64(let back) = try ColumnBlob.decode(ColumnBlob.encode(.float64(awkwardDoubles))) else {
            return XCTFail("not numbers")
        }
        XCTAssertEqual(back.map(\.bitPattern), awkwardDoubles.map(\.bitPattern), "NaN payloads and -0 kept")
    }

    func testRepetitiveColumnsAreDeflatedAndRandomOnesAreNot() throws {
        let sorted = ColumnBlob.encode(.int64((0..<10_000).map { Int64($0 / 8) }))
        XCTAssertEqual(sorted[7], 1, "sorted indices deflate")
        XCTAssertLessThan(sorted.count, 2_000)
        var generator = SystemRandomNumberGenerator()
        let noise = ColumnBlob.encode(.bytes(Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })))
        XCTAssertEqual(noise[7], 0, "random bytes stay as they are")
        XCTAssertEqual(noise.count, ColumnBlob.headerSize + 4096)
    }

    func testTruncatedAndCorruptedBlobsAreRefused() throws {
        let blob = ColumnBlob.encode(.float64((0..<1000).map { Double($0) / 7 }))
        func failure(_ data: Data) -> String {
            do {
                _ = try ColumnBlob.decode(data)
                return "decoded"
            } catch {
                return error.description
            }
        }
        XCTAssertEqual(failure(blob.prefix(10)), "it holds 10 bytes, fewer than its 32-byte header")
        XCTAssertEqual(failure(blob.prefix(blob.count - 1)), "its checksum does not match its bytes")
        var flipped = blob
        flipped[blob.count / 2] ^= 0x40
        XCTAssertEqual(failure(flipped), "its checksum does not match its bytes")
        var newer = blob
        newer[4] = 9
        XCTAssertEqual(failure(newer), "it is in column format 9, newer than this evalsh reads (1)")
        XCTAssertEqual(failure(Data(repeating: 0, count: 64)), "it does not start with a column header")
    }
}
