/// An object key as it lies in the buffer, compared without building a `String` (the readers
/// match millions of keys); a key with escapes is decoded once into `decoded`.
struct JSONKey {
    let bytes: UnsafeBufferPointer<UInt8>
    let decoded: String?

    var string: String { decoded ?? String(decoding: bytes, as: UTF8.self) }

    /// `switch key { case "bbox": … }`
    static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
        if let decoded = key.decoded { return decoded == pattern.description }
        let count = pattern.utf8CodeUnitCount
        guard count == key.bytes.count else { return false }
        return memcmp(pattern.utf8Start, key.bytes.baseAddress!, count) == 0
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
