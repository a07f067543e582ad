import ArgumentParser
import EvalQuery
import EvalShell

#if canImport(Glibc)
import Glibc
#endif

/// The command line: a thin layer over `EvalshApp`.
struct Evalsh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evalsh",
        abstract: "A shell for exploring object-detection evaluations.",
        discussion: """
            Loads a Picsellia evaluation payload, or ground truth followed by predictions (COCO, \
            a YOLO data.yaml or labels folder, a Pascal VOC folder, Ultralytics predictions.json), \
            and answers statements: summary, matrix, cell car pedestrian, where FN > 2, show FILE, \
            metric iou=0.6, push. Type 'help' in the shell for the language.

            evalsh compare A B   compares two evaluations; A and B are each a payload file, \
            GT.json,PRED.json, or a store:/picsellia: target.

            Exit codes: 0 ok, 1 an assert failed, 64 usage, 65 query error, 66 input file error, \
            69 push or pull failed, 74 output error, 130 interrupted.
            """,
        version: EvalshVersion.current)

    @Argument(help: "A payload, or GT.json PREDICTIONS.json (formats are recognised from the content).")
    var files: [String] = []

    @Option(name: .customShort("c"), help: "Run statements (separated by ';' or newlines) and exit.")
    var command: String?

    @Option(name: .customShort("f"), help: "Run a query script and exit.")
    var script: String?

    @Option(help: "Output format: table, csv, json or markdown.")
    var format: OutputFormat?

    @Option(help: "Colour: auto (a terminal, TERM not dumb, NO_COLOR unset), on or off.")
    var color: ColorMode?

    @Flag(name: [.customShort("n"), .customLong("no-init")], help: "Skip ~/.evalshrc and $XDG_CONFIG_HOME/evalsh/init.evq.")
    var noInit = false

    @Option(help: "The local store's database (default: $XDG_DATA_HOME/evalsh/store.sqlite).")
    var store: String?

    @Option(help: "Where the images are: sizes for YOLO labels, links in show … svg (as 'set images DIR').")
    var images: String?

    func validate() throws {
        if command != nil, script != nil { throw ValidationError("give -c or -f, not both") }
        if files.count > 2, files.first != "compare" { throw ValidationError("give one payload, or GT.json PREDICTIONS.json") }
        if files.first == "compare", files.count != 3 { throw ValidationError("compare takes two evaluations: evalsh compare A B") }
    }

    func run() throws {
        var options = LaunchOptions()
        options.files = files
        options.command = command
        options.scriptPath = script
        options.format = format
        options.color = color
        options.skipInit = noInit
        options.storePath = store
        options.imagesDirectory = images
        let status = EvalshApp(options: options).run()
        if status != .ok { throw ExitCode(status.rawValue) }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension ColorMode: ExpressibleByArgument {}

Evalsh.main()
