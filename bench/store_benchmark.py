#!/usr/bin/env python3
"""Local-store benchmark: pulling a stored evaluation against loading its JSON files, and what
the store grows by, in one run (issue 13: a pull takes at most 1/5 of the JSON load; the first
version grows the store by at most 25 % of the JSON files' size).

    python3 bench/store_benchmark.py                    # val2017 scale: 5,000 images, ~390,000 detections
    python3 bench/store_benchmark.py --small --runs 1   # 200 images, a quick check
    python3 bench/store_benchmark.py --no-build         # the release binaries as they are

Two measurements, on the same data:
  1. `store-benchmark` (Sources/store-benchmark), in one process and --runs rounds: reading the JSON
     files into ground truth and predictions (EvalFileReader) against pulling the stored version
     back into the same values (LocalStore.pullEvaluation), the index build the first statement
     needing numbers does after either (Evaluator.buildIndexes), the store's size after the first
     and after a metric-only version, and a bit-for-bit check of every pulled column;
  2. `evalsh` itself, whole statements with `timing on` (each until the prompt would be back):
     `load GT DT` against `pull store:NAME`, the first `summary` after each (which builds the
     indexes), and the 12 COCO statistics after the pull against those of the loaded evaluation
     (equal JSON text, so equal bits).
Data is generated with ../shared/bench/gen_coco.py under --data (default /tmp/evalsh-store-bench,
never in the repository). Absolute times drift with the machine's load: read the ratios.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
from benchmark import RELEASE_BUILD  # noqa: E402  (the flags evalsh is built with, README "Install")
SHARED_BENCH = os.path.join(ROOT, "..", "shared", "bench")
EVALSH = os.path.join(ROOT, ".build", "release", "evalsh")


def generate(data, small):
    out = os.path.join(data, "small" if small else "default")
    if not os.path.exists(os.path.join(out, "dt.json")):
        cmd = [sys.executable, os.path.join(SHARED_BENCH, "gen_coco.py"), "--out", out] + (["--small"] if small else [])
        print("generating", " ".join(cmd), flush=True)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(out, "gt.json"), os.path.join(out, "dt.json")


def evalsh(args, home):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "XDG_DATA_HOME": os.path.join(home, "data"),
           "XDG_STATE_HOME": os.path.join(home, "state"), "XDG_CONFIG_HOME": os.path.join(home, "config"),
           "LANG": "C.UTF-8", "NO_COLOR": "1"}
    proc = subprocess.run([EVALSH, "--no-init"] + args, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"evalsh failed ({proc.returncode}): {' '.join(args)}\n{proc.stderr}")
    times = [float(m.group(1)) / (1000 if m.group(2) == "ms" else 1)
             for m in re.finditer(r"run time: ([0-9.]+) (ms|s)", proc.stderr)]
    return proc.stdout, times


def store_size(home):
    path = os.path.join(home, "data", "evalsh", "store.sqlite")
    return sum(os.path.getsize(p) for p in [path, path + "-wal"] if os.path.exists(p))


def coco_stats(output):
    """The 12 COCO statistics of the last `summary` printed in JSON."""
    document = json.loads(output[output.rindex("\n{") + 1:] if "\n{" in output else output)
    names = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"]
    return [repr(document[n]) for n in names]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", default="/tmp/evalsh-store-bench")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()
    gt, dt = generate(args.data, args.small)
    if not args.no_build:
        for product in ["evalsh", "store-benchmark"]:
            subprocess.run(RELEASE_BUILD + ["--product", product], cwd=ROOT, check=True)
    json_bytes = os.path.getsize(gt) + os.path.getsize(dt)

    scratch = os.path.join(args.data, "store-benchmark")
    os.makedirs(scratch, exist_ok=True)
    out = subprocess.run([os.path.join(ROOT, ".build", "release", "store-benchmark"), gt, dt, scratch, str(args.runs)],
                         check=True, capture_output=True, text=True).stdout
    data = json.loads(out)

    loads, pulls, load_summaries, pull_summaries = [], [], [], []
    for run in range(args.runs):
        home = os.path.join(args.data, "home")
        shutil.rmtree(home, ignore_errors=True)
        os.makedirs(home)
        out1, t1 = evalsh(["--format", "json", "-c", f'timing on; load "{gt}" "{dt}"; summary; push store:bench'], home)
        out2, t2 = evalsh(["--format", "json", "-c", "timing on; pull store:bench; summary"], home)
        # One "run time" per statement, `timing on` included: [timing, load, summary, push], [timing, pull, summary].
        loads.append(t1[1])
        pulls.append(t2[1])
        load_summaries.append(t1[2])
        pull_summaries.append(t2[2])
        if coco_stats(out1) != coco_stats(out2):
            sys.exit("the pulled evaluation's COCO statistics differ from the loaded one's")

    load, pull = statistics.median(loads), statistics.median(pulls)
    print(f"data: {os.path.basename(os.path.dirname(gt))}, {data['images']} images, {data['gt_boxes']} ground-truth boxes, "
          f"{data['predictions']} predictions; JSON files {json_bytes / 1e6:.1f} MB; medians of {args.runs} runs")
    print(f"read JSON files  : {data['load_json_s']:.3f} s")
    print(f"pull from store  : {data['pull_store_s']:.3f} s   pull/JSON = {data['pull_store_s'] / data['load_json_s']:.3f} (goal <= 0.2)")
    print(f"index build      : {data['index_build_s']:.3f} s   (on the first statement needing numbers, after either)")
    print(f"push (1st version): {data['push_s']:.3f} s")
    first = data["store_bytes_first_version"]
    print(f"store after the first version: {first / 1e6:.2f} MB = {first / json_bytes:.1%} of the JSON (goal <= 25%)")
    print(f"a metric-only version added  : {data['store_bytes_metric_only_version'] / 1e3:.1f} kB")
    print(f"evalsh statements: load GT DT {load:.3f} s, pull store:bench {pull:.3f} s, "
          f"ratio {pull / load:.3f} (goal <= 0.2)")
    print(f"first summary    : {statistics.median(load_summaries):.3f} s after the load, "
          f"{statistics.median(pull_summaries):.3f} s after the pull (each building the indexes)")
    print("pulled columns bit-identical; 12 COCO statistics after the pull identical to the loaded evaluation's")


if __name__ == "__main__":
    main()
