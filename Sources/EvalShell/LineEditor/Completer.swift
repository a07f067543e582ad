/// Supplies Tab completions for the line being edited. The REPL implements it from its
/// grammar and the loaded data (statement names, categories, file paths).
///
/// Offsets count `Character`s from the start of `line`.
public protocol Completer: AnyObject {
    /// The candidates for the text before `cursor`.
    ///
    /// - Returns: `replaceFrom`, where the text the candidates replace starts (the text
    ///   between `replaceFrom` and `cursor` is what the user typed of the word), and the
    ///   candidates, unquoted: the line editor wraps candidates containing spaces in double
    ///   quotes. A single candidate is inserted followed by a space, unless it ends with `/`
    ///   (a directory, so the user can keep completing inside it).
    func completions(line: String, cursor: Int) -> (replaceFrom: Int, candidates: [String])
}
