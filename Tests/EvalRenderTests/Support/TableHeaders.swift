/// The header cells of the first box-drawn table in rendered `text` (empty when there is none).
func tableHeaders(_ text: String) -> [String] {
    let lines = text.split(separator: "\n").map(String.init)
    guard let top = lines.firstIndex(where: { $0.hasPrefix("┌") }), top + 1 < lines.count else { return [] }
    return lines[top + 1].split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
