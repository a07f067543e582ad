import EvalFormats

/// The JSON scanner on any bytes: a value or a `FormatError`, never a trap; a value written
/// back parses again.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput.bytes(data, size)
    guard let value = try? JSONValueParser.parse(bytes: bytes, name: "fuzz.json") else { return 0 }
    let written = JSONWriter().bytes(value)
    guard (try? JSONValueParser.parse(bytes: written, name: "written.json")) != nil else {
        fatalError("a written value does not parse back: \(String(decoding: written, as: UTF8.self))")
    }
    return 0
}
