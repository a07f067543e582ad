import Foundation
import XCTest

@testable import EvalStore

final class DigestAndRawJSONTests: XCTestCase {
    /// FIPS 180-2 examples and Python `hashlib.sha256` for the rest.
    func testSHA256MatchesReferenceDigests() {
        let cases: [(Data, String)] = [
            (Data(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (Data("abc".utf8), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (
                Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
                "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
            ),
            (Data(repeating: UInt8(ascii: "a"), count: 1_000_000), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
        ]
        for (data, expected) in cases { XCTAssertEqual(SHA256.hexDigest(data), expected, "\(data.count) bytes") }
    }

    func testTopLevelValueIsCutOutVerbatim() {
        let json = Data(#" { "id": "x", "nested": {"data": 1}, "tricky": "} \" data", "data" : {"b": [1.0, {"c": "]"}], "a": 9.0} , "type": "T"}"#.utf8)
        XCTAssertEqual(RawJSON.value(ofTopLevelKey: "data", in: json), Data(#"{"b": [1.0, {"c": "]"}], "a": 9.0}"#.utf8))
        XCTAssertEqual(RawJSON.value(ofTopLevelKey: "type", in: json), Data(#""T""#.utf8))
        XCTAssertNil(RawJSON.value(ofTopLevelKey: "missing", in: json))
        XCTAssertEqual(RawJSON.value(ofTopLevelKey: "data", in: Data(#"{"d\u0061ta": null}"#.utf8)), Data("null".utf8))
        XCTAssertNil(RawJSON.value(ofTopLevelKey: "data", in: Data(#"[{"data": 1}]"#.utf8)))
        XCTAssertNil(RawJSON.value(ofTopLevelKey: "data", in: Data(#"{"data": {"cut": [1, 2"#.utf8)))
    }
}
