/// How a long read learns that the user wants it stopped (Ctrl-C in the shell).
///
/// The shell installs its interrupt flag once at start; the readers poll it between chunks of
/// an array (every 16,384 elements, a few milliseconds of parsing) and stop with
/// `FormatError.cancelled`, leaving nothing half-loaded. Without a check installed, a load
/// never stops early.
public enum LoadCancellation {
    public typealias Check = @Sendable () -> Bool

    /// Written once before any load (the shell's start), read by the reading threads.
    nonisolated(unsafe) public static var isRequested: Check = { false }
}
