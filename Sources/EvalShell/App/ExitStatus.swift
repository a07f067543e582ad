/// evalsh's exit codes: a documented contract (README, "Exit codes") that CI jobs rely on.
/// The values follow BSD's sysexits where one fits.
public enum ExitStatus: Int32, Sendable {
    case ok = 0
    /// An `assert` was false, or read counts of a compared pair at different operating points
    /// without `set mixed-thresholds allow`.
    case assertionFailed = 1
    /// The command line was wrong (EX_USAGE, as ArgumentParser exits).
    case usage = 64
    /// A statement was malformed, named something that does not exist, or computed a value that
    /// is not a finite number; `check` found errors (warnings alone keep `ok`) (EX_DATAERR).
    case queryError = 65
    /// An input file could not be read or is not a valid evaluation (EX_NOINPUT).
    case inputError = 66
    /// A push or pull failed: network, server, store (EX_UNAVAILABLE).
    case pushFailed = 69
    /// Output could not be written (EX_IOERR).
    case outputError = 74
    /// Interrupted by Ctrl-C (128 + SIGINT).
    case interrupted = 130
}
