"""Writes the bad-input corpus: Tests/BadInput/cases/*.case and the broken input files they read
(Tests/BadInput/files/). Run from the repository root after changing a template:
    python3 Tests/BadInput/generate.py
Each expected message fragment is written here by hand from the language's documented wording
(Grammar/evalsh.ebnf, README, the issue's table), never copied from evalsh's output.

A case file: header lines `# key: value` (name, exit, expect, args, mode, setup, timeout), then the
statements. `args` is evaluated by bash ($G $P: the six-image data set of Fuzz/data, $C its
candidate, $SG $SP: Examples/coco-small, $PAY $MAT: Examples/picsellia, $F: the files folder).
`mode` is c (-c), f (-f a file holding the body) or stdin. `setup` lines run in the case's
temporary folder first.
"""
import json, os, random, shutil

ROOT = "Tests/BadInput"
CASES = f"{ROOT}/cases"
FILES = f"{ROOT}/files"
random.seed(11)
cases = []


def case(name, body, exit, expect, args="$G $P", mode="c", setup=(), timeout=30):
    assert "\n" not in expect
    cases.append(dict(name=name, body=body, exit=exit, expect=expect, args=args, mode=mode, setup=list(setup), timeout=timeout))


KEYWORDS = """load evals use drop summary classes metrics matrix images payload check cell where show split pr
metric unset assert exclude include rename pending undo reset recover discard push pull log experiments compare
set source output timing help history quit exit""".split()

# 1. A typo in every statement keyword: dropped, doubled and swapped letters.
for kw in KEYWORDS:
    typos = set()
    if len(kw) > 2:
        typos.add(kw[:1] + kw[2:])                  # a letter dropped
    typos.add(kw + kw[-1])                           # the last letter doubled
    if len(kw) > 3:
        typos.add(kw[0] + kw[2] + kw[1] + kw[3:])    # two letters swapped
    for t in sorted(typos):
        if t in KEYWORDS:
            continue
        case(f"typo-{kw}-{t}", f"{t}", 65, f"unknown statement '{t}'", args="")

# 2. Statements that take nothing, given an extra word.
for kw in "evals summary metrics check split pending undo reset recover discard experiments history".split():
    case(f"extra-{kw}", f"{kw} extra_word", 65, f"unexpected 'extra_word' after the end of '{kw}'")
for kw in "quit exit".split():
    case(f"extra-{kw}", f"{kw} extra_word", 65, f"unexpected 'extra_word' after the end of '{kw}'", args="")

# 3. Statements that need an argument, given none.
missing = {
    "use": "expected an evaluation name after 'use'",
    "drop": "expected an evaluation name after 'drop'",
    "load": "expected a file path after 'load'",
    "where": "expected a condition such as 'FN > 0' after 'where'",
    "assert": "expected a condition such as 'FN > 0' after 'assert'",
    "show": "expected a filename after 'show'",
    "log": "expected an evaluation name after 'log'",
    "source": "expected a file path after 'source'",
    "metric": "expected NAME=VALUE after 'metric'",
    "exclude": "expected a filename after 'exclude'",
    "include": "expected a filename after 'include'",
    "cell": "expected a class name or 'none' after 'cell'",
    "rename": "expected a class name after 'rename'",
    "pull": "expected a target",
    "set": "expected 'format', 'color', 'rows', 'pager', 'ascii', 'images', 'mixed-thresholds', 'errors' or 'expanded' after 'set'",
    "timing": "expected 'on' or 'off' after 'timing'",
    "unset": "expected 'metric' after 'unset'",
}
for kw, msg in missing.items():
    case(f"missing-{kw}", kw, 65, msg, args="")
    case(f"missing-{kw}-then-more", f"{kw}\nsummary", 65, msg, args="", mode="f")

# 4. Clause and option errors.
options = [
    ("set format xml", "'xml' is not valid after 'format'"),
    ("set format jsno", "did you mean 'json'?"),
    ("set color blue", "'blue' is not valid after 'color'"),
    ("set pager maybe", "'maybe' is not valid after 'pager'"),
    ("set ascii yes", "'yes' is not valid after 'ascii'"),
    ("set rows many", "expected a number of rows, or 'all'"),
    ("set rows -3", "expected a number of rows, or 'all'"),
    ("set mixed-thresholds sometimes", "'sometimes' is not valid after 'mixed-thresholds'"),
    ("set mixed-thresholds", "expected 'allow' or 'refuse' after 'mixed-thresholds'"),
    ("set colour on", "did you mean 'color'?"),
    ("matrix normalize rows", "'rows' is not valid after 'normalize'"),
    ("matrix top", "expected a whole number after 'top'"),
    ("matrix top 2.5", "expected a whole number after 'top'"),
    ("images limit", "expected a whole number after 'limit'"),
    ("images limit -1", "expected a whole number after 'limit'"),
    ("images limit ten", "expected a whole number after 'limit'"),
    ("images sort", "expected a field name after 'sort'"),
    ("images limit 3 where FN > 0", "'where' is out of place; clauses come in the order where, sort, limit"),
    ("images sort FN where FN > 0", "'where' is out of place"),
    ("timing maybe", "'maybe' is not valid after 'timing'"),
    ("help nosuchtopic", "no help on 'nosuchtopic'"),
    ("help summry", "did you mean 'summary'?"),
    ("unset metrik iou", "'metrik' is not valid after 'unset'"),
    ("load a.json b.json c.json", "'load' takes one or two files, found 3"),
    ("compare A", "expected an evaluation name after 'A'"),
    ("where FN", "'FN' is a value, not a condition"),
    ("where FN + 1", "'FN + 1' is a value, not a condition"),
    ("where (FN > 1) + 2 > 0", "'(FN > 1)' is a condition, not a value"),
    ("where 1 < FN < 5", "comparisons cannot be chained"),
    ("where FN > 0 and", "expected a number, a field or '(' after 'and'"),
    ("where FN > 0 or or FN > 1", "expected a number, a field or '(' after 'or'"),
    ("where (FN > 0", "expected ')'"),
    ("where FN > 0)", "unexpected ')' after the end of 'where'"),
    ("where FN >", "expected a number, a field or '(' after '>'"),
    ("where not", "expected a number, a field or '(' after 'not'"),
    ("where a.b.c.d > 0", "has too many parts"),
    ("where FN[car > 0", "expected ']'"),
    ("assert", "expected a condition such as 'FN > 0' after 'assert'"),
    ("assert AP", "'AP' is a value, not a condition"),
    ("metric iou", "expected NAME=VALUE after 'metric', found 'iou'"),
    ("metric iou=", "expected a number, a quoted text or a word after '='"),
    ("show a.jpg svg", "expected a file path after 'svg'"),
    ("push message", "expected a quoted text after 'message'"),
    ("rename person", "expected a new name after 'person'"),
    ("cell person", "expected a class name or 'none' after 'person'"),
    ("summary; 42", "expected a statement"),
    ("; ; ( ;", "expected a statement, found '('"),
]
for i, (text, msg) in enumerate(options):
    case(f"option-{i:02d}-{text.split()[0]}", text, 65, msg, args="")

# 5. Unterminated strings in several places.
for i, text in enumerate(['show "a.jpg', "where filename ~ 'x", 'rename "car" "auto', 'use "A', 'load "x.json',
                          'push store:x message "half', 'where FN["traffic light] > 0', "help 'summary"]):
    case(f"unterminated-{i}", text, 65, "unterminated string", args="")

# 6. Depth and length: parentheses (closed and not), not, unary minus, long chains.
for n in (65, 100, 2000, 20000):
    case(f"deep-parens-{n}", "where " + "(" * n + "FN > 0" + ")" * n, 65, "expression nested too deeply (limit 64)")
    case(f"deep-parens-unclosed-{n}", "where " + "(" * n + "FN > 0", 65, "expression nested too deeply (limit 64)")
    case(f"deep-not-{n}", "where " + "not " * n + "FN > 0", 65, "expression nested too deeply (limit 64)")
    case(f"deep-minus-{n}", "assert " + "-" * n + "1 < 0", 65, "expression nested too deeply (limit 64)")
    case(f"deep-assert-parens-{n}", "assert " + "(" * n + "AP > 0" + ")" * n, 65, "expression nested too deeply")
for n in (257, 1000, 8000):
    case(f"chain-or-{n}", "where " + " or ".join(["FN > 0"] * n), 65, "expression nested too deeply (limit 256)")
    case(f"chain-and-{n}", "where " + " and ".join(["FN > 0"] * n), 65, "expression nested too deeply (limit 256)")
    case(f"chain-plus-{n}", "assert " + " + ".join(["1"] * n) + " > 0", 65, "expression nested too deeply (limit 256)")
    case(f"chain-times-{n}", "where " + " * ".join(["FN"] * n) + " > 0", 65, "expression nested too deeply (limit 256)")
    case(f"chain-exclude-{n}", "exclude where " + " or ".join(["FN > 0"] * n), 65, "expression nested too deeply")
    case(f"chain-compare-{n}", "compare A B where " + " or ".join(["delta.FN > 0"] * n), 65, "expression nested too deeply",
         args="compare $G,$P $G,$C")
for n in (60, 250):
    case(f"deep-allowed-{n}", "assert " + "(" * min(n, 64) + " + ".join(["1"] * n) + ")" * min(n, 64) + " > 0", 0, "ok:")
case("deep-stdin", "where " + "(" * 3000 + "FN > 0", 65, "expression nested too deeply", mode="stdin")
case("deep-file", "summary\nwhere " + "not " * 9000 + "FN > 0", 65, "expression nested too deeply", mode="f")
case("brackets-100000", "where " + "[" * 100000, 65, "expected a number, a field or '(' after 'where'")
case("long-statement-file", "", 65, "statement longer than 1048576 characters", mode="f",
     setup=["printf 'show ' > body; head -c 1100000 /dev/zero | tr '\\0' x >> body"], args="$G $P", timeout=60)
case("long-name-show", "", 65, "no image named", mode="f",
     setup=["printf 'show ' > body; head -c 1000000 /dev/zero | tr '\\0' x >> body"], timeout=20)
case("long-name-class", "", 65, "unknown class", mode="f",
     setup=["printf 'where FN[' > body; head -c 1000000 /dev/zero | tr '\\0' y >> body; printf '] > 0' >> body"], timeout=20)
case("long-name-statement", "", 65, "unknown statement", mode="f",
     setup=["head -c 1000000 /dev/zero | tr '\\0' z > body"], timeout=20)
case("long-name-use", "", 65, "no evaluation named", mode="f",
     setup=["printf 'use ' > body; head -c 1000000 /dev/zero | tr '\\0' q >> body"], timeout=20)
case("stdin-zero", "", 65, "a statement longer than 1 MiB", mode="stdin-zero", timeout=60)
case("stdin-zero-no-files", "", 65, "no line break in the input", mode="stdin-zero", args="", timeout=60)
case("stdin-long-line", "", 65, "a statement longer than 1 MiB", mode="stdin",
     setup=["head -c 2000000 /dev/zero | tr '\\0' x > body"], timeout=60)

# 7. Numbers out of range.
for i, (text, msg) in enumerate([
    ("images limit 9223372036854775807", "number '9223372036854775807' is out of range"),
    ("images limit 1e20", "number '1e20' is out of range"),
    ("images limit 99999999999999999999999999999999", "is out of range"),
    ("matrix top 1e300", "number '1e300' is out of range"),
    ("set rows 18446744073709551616", "is out of range"),
    ("where FN > 1e400", "number '1e400' is out of range; expected a finite number"),
    ("assert AP < 1e309", "number '1e309' is out of range"),
    ("assert AP > -1e999", "number '1e999' is out of range"),
    ("where FN > " + "9" * 400, "is out of range"),
    ("metric iou=1e400", "number '1e400' is out of range"),
    ("metric confidence=-1e400", "number '-1e400' is out of range"),
    ("metric iou=nan", "iou takes a number"),
    ("images where FN > 0 limit 1e16", "is out of range"),
    ("cell 99999999999999999999 1", "number '99999999999999999999' is out of range; expected a row or column of the matrix"),
    ("cell 1 18446744073709551616", "is out of range"),
]):
    case(f"range-{i:02d}", text, 65, msg)

# 8. Division by zero and values that are not finite: an error, never true.
for i, (text, msg) in enumerate([
    ("assert AP50 / 0 >= 0", "division by zero in 'AP50 / 0'"),
    ("assert AP50 / 0 < 0", "division by zero"),
    ("assert 0 / 0 = 0", "division by zero in '0 / 0'"),
    ("assert 1 / (AP - AP) > 0", "division by zero"),
    ("assert 1e308 * 10 > 0", "is not a finite number"),
    ("assert -1e308 - 1e308 < 0", "is not a finite number"),
    ("assert not (AP50 / 0 >= 0)", "division by zero"),
    ("assert AP > 2 or AP50 / 0 >= 0", "division by zero"),
    ("where TP / 0 > 1", "division by zero in 'TP / 0' for image"),
    ("where FN / (TP - TP) >= 0", "division by zero"),
    ("where not (TP / 0 > 1)", "division by zero"),
    ("images where FP / 0 > 0", "division by zero"),
    ("images sort FN where TP / 0 > 1", "'where' is out of place"),
    ("exclude where TP / 0 > 1", "division by zero"),
    ("cell person person where TP / 0 > 1", "division by zero"),
    ("where 1e308 * 1e308 > FN", "is not a finite number"),
]):
    case(f"nonfinite-{i:02d}", text, 65, msg)
case("nonfinite-compare-where", "compare A B where delta.FN / 0 > 0", 65, "division by zero", args="compare $G,$P $G,$C")
case("nonfinite-assert-delta", "compare A B\nassert delta.AP / 0 >= 0", 65, "division by zero", args="compare $G,$P $G,$C", mode="f")

# 9. Unknown names and type errors at run time.
for i, (text, msg) in enumerate([
    ("show nosuch.jpg", "no image named \"nosuch.jpg\""),
    ("where FN[nosuchclass] > 0", "unknown class \"nosuchclass\""),
    ("where FN[persn] > 0", "did you mean \"person\"?"),
    ("assert FN[persn] <= 1", "did you mean \"person\"?"),
    ("use nosuch", "no evaluation named \"nosuch\""),
    ("drop nosuch", "no evaluation named \"nosuch\""),
    ("where filename > 3", "cannot compare a text"),
    ("where FN ~ 3", "cannot compare a number ('FN') with a text"),
    ("where FN ~ \"3\"", "cannot compare a number ('FN') with a text"),
    ("where filename < \"a\"", "texts compare with =, != or ~, not <"),
    ("where nosuchfield > 0", "unknown image field"),
    ("assert nosuchvalue > 0", "unknown value \"nosuchvalue\""),
    ("assert has person", "'has' tests an image; use it in where, not in assert"),
    ("assert predicted person", "'predicted' tests an image"),
    ("assert A.FN > 0", "no evaluation named \"A\""),
    ("assert cand.FN > 0", "no evaluation named \"cand\""),
    ("assert delta.FN > 0", "names a change between two evaluations"),
    ("cell 99 1", "no row or column 99"),
    ("images sort filename2", "unknown image field"),
    ("metric iou=1.5", "iou must be in (0, 1]"),
    ("metric confidence=2", "confidence must be in [0, 1]"),
    ("metric iou=high", "iou takes a number"),
    ("rename nosuch other", "unknown class \"nosuch\""),
    ("pr nosuch", "unknown class \"nosuch\""),
    ("summary", "no evaluation is loaded"),
]):
    exitcode = 65
    args = "$G $P" if text != "summary" else ""
    case(f"runtime-{i:02d}", text, exitcode, msg, args=args)

# 10. Mixed operating points in a gate, and its explicit allowance.
mixed = "metric B iou=0.7 confidence=0.3\ncompare A B\n"
for i, cond in enumerate(["delta.FN <= 100 and delta.FP <= 100", "delta.FN <= 1000", "B.FN <= A.FN + 1000", "A.TP >= 0",
                          "delta.precision >= -1", "delta.recall > -2", "B.F1 >= 0", "delta.FN[person] <= 1000"]):
    case(f"mixed-refused-{i}", mixed + f"assert {cond}", 1, "compares different operating points", args="compare $G,$P $G,$C", mode="f")
    case(f"mixed-allowed-{i}", "set mixed-thresholds allow\n" + mixed + f"assert {cond}", 0, "ok:", args="compare $G,$P $G,$C", mode="f")
case("mixed-refused-help", mixed + "assert delta.FN <= 1000", 1, "set mixed-thresholds allow", args="compare $G,$P $G,$C", mode="f")
case("mixed-refused-again", "set mixed-thresholds allow\nset mixed-thresholds refuse\n" + mixed + "assert delta.FN <= 1000", 1,
     "different operating points", args="compare $G,$P $G,$C", mode="f")
case("mixed-coco-stat-ok", mixed + "assert delta.AP >= -1", 0, "ok:", args="compare $G,$P $G,$C", mode="f")
case("mixed-aligned-ok", "metric both iou=0.7 confidence=0.3\ncompare A B\nassert delta.FN <= 1000", 0, "ok:",
     args="compare $G,$P $G,$C", mode="f")
case("mixed-no-arrow", mixed + "set ascii on", 0, "different operating points", args="compare $G,$P $G,$C", mode="stdin")

# 11. source: cycles, folders, missing files.
case("source-self", "source loop.evq", 65, "source cycle: loop.evq → loop.evq", setup=["echo 'source loop.evq' > loop.evq"])
case("source-two", "source a.evq", 65, "source cycle: a.evq → b.evq → a.evq",
     setup=["echo 'source b.evq' > a.evq", "printf 'summary\\nsource a.evq\\n' > b.evq"])
case("source-three", "source a.evq", 65, "source cycle: a.evq → b.evq → c.evq → a.evq",
     setup=["echo 'source b.evq' > a.evq", "echo 'source c.evq' > b.evq", "echo 'source a.evq' > c.evq"])
case("source-self-dotslash", "source ./loop.evq", 65, "source cycle",
     setup=["echo 'source loop.evq' > loop.evq"])
case("source-link-cycle", "source a.evq", 65, "source cycle", setup=["echo 'source l.evq' > a.evq", "ln -s a.evq l.evq"])
case("source-script-file", "", 65, "source cycle", mode="f", setup=["echo 'source body' > body"])
case("source-dir", "source .", 66, "it is a folder, not a script file", args="")
case("source-missing", "source nosuch.evq", 66, "nosuch.evq", args="")
case("source-fails-inside", "source bad.evq", 65, "bad.evq stopped", setup=["echo 'use nosuch' > bad.evq"])
case("source-deep-chain", "source s0.evq", 65, "nested more than 32 files deep",
     setup=["for i in $(seq 0 40); do echo \"source s$((i+1)).evq\" > s$i.evq; done"])

# 12. Command line and script files.
case("usage-unknown-option", "", 64, "Unknown option", args="--no-such-option", mode="none")
case("script-missing", "", 66, "cannot read", args="-f nosuch.evq", mode="none")
case("log-unknown", "log x", 69, "no experiment named 'x'")
case("gt-missing", "summary", 66, "nosuch.json", args="nosuch.json $P")
case("pred-missing", "summary", 66, "nosuch.json", args="$G nosuch.json")
case("gt-directory", "summary", 66, ".", args=". $P")
case("three-files", "summary", 64, "", args="$G $P $C")

# 13. Broken input files: truncations at many offsets, not JSON, wrong kinds.
os.makedirs(FILES, exist_ok=True)
for old in os.listdir(FILES):
    os.remove(os.path.join(FILES, old))
sources = {"gt": "Fuzz/data/gt.json", "pred": "Fuzz/data/predictions.json", "payload": "Examples/picsellia/evaluation.json"}
for kind, path in sources.items():
    data = open(path, "rb").read()
    offsets = sorted(set([1, 2, 10, 50, 100, len(data) // 2, len(data) - 1] + random.sample(range(3, len(data) - 2), 18)))
    for off in offsets:
        name = f"{kind}-cut-{off}.json"
        open(f"{FILES}/{name}", "wb").write(data[:off])
        args = {"gt": f"$F/{name} $P", "pred": f"$G $F/{name}", "payload": f"$F/{name}"}[kind]
        case(f"truncated-{kind}-{off}", "summary", 66, name, args=args)
junk = {
    "empty.json": b"",
    "spaces.json": b"   \n\t ",
    "text.json": b"hello world",
    "nan.json": b'{"images": NaN}',
    "infinity.json": b"[Infinity]",
    "trailing-comma.json": b'{"images": [],}',
    "single-quote.json": b"{'images': []}",
    "nul.json": b'{"images"\x00: []}',
    "bad-utf8.json": b'{"images": ["\xff\xfe"]}',
    "deep-arrays.json": b"[" * 100000,
    "deep-objects.json": b'{"a":' * 50000,
    "number-only.json": b"42",
    "string-only.json": b'"gt"',
    "null.json": b"null",
    "unclosed-string.json": b'{"images": "abc',
    "bad-escape.json": b'{"images": "\\x41"}',
    "leading-zero.json": b'[{"image_id": 01}]',
    "lone-minus.json": b'[{"image_id": -}]',
    "control-char.json": b'{"a": "x\x01y"}',
    "two-values.json": b"[] []",
}
for name, content in junk.items():
    open(f"{FILES}/{name}", "wb").write(content)
    stem = name[:-5]
    case(f"junk-gt-{stem}", "summary", 66, name, args=f"$F/{name} $P")
    case(f"junk-pred-{stem}", "summary", 66, name, args=f"$G $F/{name}")
    case(f"junk-single-{stem}", "summary", 66, name, args=f"$F/{name}")
case("wrong-kind-pred-as-gt", "summary", 66, "predictions.json", args="$P $P")
case("wrong-kind-payload-as-gt", "summary", 66, "evaluation.json", args="$PAY $P")

# 14. check: a payload with errors exits 65; a clean one 0.
payload = json.load(open("Examples/picsellia/evaluation.json"))
broken = json.loads(json.dumps(payload))
for k, v in list(broken.items()):
    if isinstance(v, list) and v and isinstance(v[0], dict):
        broken[k] = v + [v[0]]      # a repeated entry
json.dump(broken, open(f"{FILES}/payload-repeated.json", "w"))
case("check-repeated-image", "check", 65, "appears more than once", args="$F/payload-repeated.json")
case("check-repeated-image-exit-line", "check", 65, "check found 1 error(s)", args="$F/payload-repeated.json")
short = json.loads(json.dumps(payload))
short["total_objects"] = short["total_objects"][:-1]
json.dump(short, open(f"{FILES}/payload-short-totals.json", "w"))
case("check-short-totals", "check", 66, "total_objects: expected 2 numbers", args="$F/payload-short-totals.json")
warned = json.loads(json.dumps(payload))
first = warned["per_image_eval"][0]
first["nb_preds"] = [v + 1 for v in first["nb_preds"]]
json.dump(warned, open(f"{FILES}/payload-warning-only.json", "w"))
case("check-warnings-only", "check", 0, "0 error(s)", args="$F/payload-warning-only.json")
# 15. Crashes found by fuzzing (Fuzz/corpus/*/crash-*), each a case once fixed.
shutil.copy("Fuzz/corpus/payload/crash-count-beyond-int32.json", f"{FILES}/fuzz-payload-count-beyond-int32.json")
case("fuzz-payload-count-images", "images limit 1", 0, "9999953_00000_d_0000059.jpg", args="$F/fuzz-payload-count-beyond-int32.json")
case("fuzz-payload-count-summary", "summary", 0, "confidence", args="$F/fuzz-payload-count-beyond-int32.json")
case("fuzz-payload-count-check", "check", 65, "TP + FP = 10 but nb_preds = 102222222222",
     args="$F/fuzz-payload-count-beyond-int32.json")
case("check-clean-payload", "check", 0, "satisfies every consistency rule", args="$PAY")

# 15. The file side of issue 11: inputs that are not regular files, out-of-domain values,
# duplicate class names, push and output targets that are not files, escape sequences in data.
gt_doc = json.load(open("Fuzz/data/gt.json"))
dt_doc = json.load(open("Fuzz/data/predictions.json"))
def variant(name, doc, change):
    d = json.loads(json.dumps(doc))
    change(d)
    path = f"{FILES}/{name}.json"
    with open(path, "w") as f:
        f.write(json.dumps(d).replace('"__NAN__"', "NaN").replace('"__BIG__"', "1e400"))
    return "$F/" + name + ".json"
def set_first(key, value):
    def change(d):
        d[0][key] = value
    return change
def set_box(value):
    def change(d):
        d[0]["bbox"] = value
    return change
case("fifo-as-input", "summary", 66, "FIFO", args="$G f.json", setup=["mkfifo f.json"], timeout=10)
case("fifo-as-ground-truth", "summary", 66, "FIFO", args="f.json $P", setup=["mkfifo f.json"], timeout=10)
case("folder-as-input", "summary", 66, "a folder without data.yaml", args="$G d", setup=["mkdir d"])
case("device-as-input", "summary", 66, "device", args="$G /dev/zero", timeout=10)
case("sparse-2g-as-input", "summary", 66, "not JSON: byte 0x00", args="$G big.json", setup=["truncate -s 2G big.json"], timeout=10)
case("score-nan", "summary", 66, "expected a finite number", args="$G " + variant("score-nan", dt_doc, set_first("score", "__NAN__")))
case("score-1e400", "summary", 66, "expected a finite number", args="$G " + variant("score-big", dt_doc, set_first("score", "__BIG__")))
case("score-above-one", "summary", 66, "a score is between 0 and 1", args="$G " + variant("score-above-one", dt_doc, set_first("score", 1.5)))
case("score-negative", "summary", 66, "a score is between 0 and 1", args="$G " + variant("score-negative", dt_doc, set_first("score", -0.2)))
case("box-negative-width", "summary", 66, "positive width and height", args="$G " + variant("box-negative-width", dt_doc, set_box([1, 2, -3, 4])))
case("box-zero-height", "summary", 66, "positive width and height", args="$G " + variant("box-zero-height", dt_doc, set_box([1, 2, 3, 0])))
def crowd2(d):
    d["annotations"][0]["iscrowd"] = 2
case("iscrowd-two", "summary", 66, "expected 0 or 1", args=variant("iscrowd-two", gt_doc, crowd2) + " $P")
def duplicate_name(d):
    d["categories"][1]["name"] = d["categories"][0]["name"]
case("duplicate-class-name", "summary", 66, "is used by category ids", args=variant("duplicate-class-name", gt_doc, duplicate_name) + " $P")
def hostile_name(d):
    d["categories"][0]["name"] = "car\u001b]0;TITLE\u0007\u001b[2J"
hostile = variant("hostile-class-name", gt_doc, hostile_name)
case("hostile-class-name-table", "classes", 0, "\\x1b]0;TITLE\\x07", args=hostile + " $P")
case("hostile-class-name-csv", "set format csv; classes", 0, "\\x1b]0;TITLE\\x07", args=hostile + " $P")
case("hostile-class-name-markdown", "set format markdown; classes", 0, "\\x1b]0;TITLE\\x07", args=hostile + " $P")
iou_two = json.loads(json.dumps(payload))
iou_two["metrics"]["iou"] = 2
json.dump(iou_two, open(f"{FILES}/payload-iou-two.json", "w"))
case("payload-metrics-iou-two", "summary", 66, "metrics.iou: expected a number between 0 and 1", args="$F/payload-iou-two.json")
iou_high = json.loads(json.dumps(payload))
iou_high["metrics"]["iou"] = "high"
json.dump(iou_high, open(f"{FILES}/payload-iou-high.json", "w"))
case("payload-metrics-iou-high", "summary", 66, "metrics.iou: expected a number between 0 and 1", args="$F/payload-iou-high.json")
case("script-is-a-folder", "", 66, "not a script file", args="$G $P -f d", mode="none", setup=["mkdir d"])
case("push-to-a-folder", "push d.json", 69, "it is a folder", setup=["mkdir d.json"])
case("push-to-a-device", "push null.json", 69, "it is a device", setup=["ln -s /dev/null null.json"])
case("store-is-a-folder", "experiments", 69, "--store names the store's file", args="--store d", setup=["mkdir d"])
case("svg-into-a-missing-folder", "show 000000167379.jpg svg /no/such/dir/x.svg", 74, "there is no folder")
case("output-to-a-fifo", "output f.out; summary", 74, "FIFO or a socket", setup=["mkfifo f.out"], timeout=10)
case("push-a-message-as-a-target", 'push "first run"', 65, "for a message, write message")

# Write.
if os.path.isdir(CASES):
    shutil.rmtree(CASES)
os.makedirs(CASES)
seen = set()
for i, c in enumerate(cases):
    assert c["name"] not in seen, c["name"]
    seen.add(c["name"])
    header = [f"# name: {c['name']}", f"# exit: {c['exit']}", f"# expect: {c['expect']}", f"# args: {c['args']}",
              f"# mode: {c['mode']}", f"# timeout: {c['timeout']}"] + [f"# setup: {s}" for s in c["setup"]]
    with open(f"{CASES}/{i:03d}-{c['name'][:60]}.case", "w") as f:
        f.write("\n".join(header) + "\n" + c["body"] + ("\n" if c["body"] else ""))
print(len(cases), "cases")
