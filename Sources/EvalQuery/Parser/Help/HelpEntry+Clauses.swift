extension HelpEntry {
    /// The clauses several statements share, after `where` (which is a statement too).
    public static let clauses: [HelpEntry] = [
        HelpEntry(topic: "sort", "sort FIELD [asc|desc]", "Order the images (classes: sort a column)",
                  example: "images sort FN desc limit 20",
                  notes: [
                      "without asc or desc: numbers descending (most first), filename and class names ascending (A to Z)",
                      "equal values keep their order",
                  ]),
        HelpEntry(topic: "limit", "limit N", "Show at most N images, after where and sort",
                  example: "where FN > 2 sort FN limit 10",
                  notes: ["the title still counts every image that matched"]),
    ]

    /// The settings of `set`, by name.
    public static let settings: [HelpEntry] = [
        HelpEntry(topic: "format", "set format table|csv|json|markdown", "How results are written (default table)",
                  example: "set format csv"),
        HelpEntry(topic: "color", "set color auto|on|off",
                  "Colours: auto in a terminal only, on even when piped", example: "set color off"),
        HelpEntry(topic: "rows", "set rows N|all", "Rows a terminal table shows before '… N more rows' (default 40)",
                  example: "set rows all", notes: ["0 or all: every row; the pager, a pipe, an output file, csv, json and markdown always get every row"]),
        HelpEntry(topic: "pager", "set pager on|off", "Page long tables through $PAGER (default on)",
                  example: "set pager on"),
        HelpEntry(topic: "ascii", "set ascii on|off", "ASCII instead of box-drawing characters (default off)",
                  example: "set ascii on"),
        HelpEntry(topic: "images", "set images FOLDER", "Where show … svg finds the image files",
                  example: "set images Examples/coco-small"),
        HelpEntry(topic: "mixed-thresholds", "set mixed-thresholds allow|refuse",
                  "Whether assert may gate on counts of a compare whose sides sit at different operating points (default refuse)",
                  example: "set mixed-thresholds allow",
                  notes: ["refused, such an assert fails (exit 1) saying both points; 'metric both iou=… confidence=…' aligns them"]),
        HelpEntry(topic: "errors", "set errors stop|continue",
                  "Whether a script stops at its first failing statement (default stop)",
                  example: "set errors continue",
                  notes: ["continue: every statement runs; the exit status is still the first failure's (sqlite3's .bail off)",
                          "a malformed script runs nothing either way"]),
        HelpEntry(topic: "expanded", "set expanded on|off|auto",
                  "Single records (one image, one box, one evaluation: a one-row table; show's header) as key | value lines (default off)",
                  example: "set expanded auto",
                  notes: ["auto: only when the record's table is wider than the terminal (psql's \\x auto)",
                          "tables of several rows stay tables; csv, json and markdown are not affected"]),
    ]
}
