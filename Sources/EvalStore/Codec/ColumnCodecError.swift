/// Why a stored column could not be read back. The store reports it as damage of the version it
/// belongs to (`StoreError.corruptDatabase`), naming the column.
struct ColumnCodecError: Error, Equatable, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
