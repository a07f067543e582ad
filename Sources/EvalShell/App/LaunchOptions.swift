import EvalQuery

/// What the command line asked for; `evalsh --help` documents each.
public struct LaunchOptions: Sendable {
    /// Files to load at start: a payload, or ground truth then predictions. With `compare`
    /// first, two sides to compare (each a payload, `GT,PRED`, or a store/Picsellia target).
    public var files: [String] = []
    /// `-c TEXT`.
    public var command: String?
    /// `-f SCRIPT`.
    public var scriptPath: String?
    public var format: OutputFormat?
    public var color: ColorMode?
    /// `-n`/`--no-init`: skip `~/.evalshrc` and `$XDG_CONFIG_HOME/evalsh/init.evq`.
    public var skipInit = false
    /// `--store PATH`: the local store's database instead of `$XDG_DATA_HOME/evalsh/store.sqlite`.
    public var storePath: String?
    /// `--images DIR`: where the images are (sizes for YOLO labels, `show … svg`); `set images DIR`.
    public var imagesDirectory: String?

    public init() {}
}
