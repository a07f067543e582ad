#!/usr/bin/env python3
"""Writes what the reference TIDE implementation (`pip install tidecv`, version 1.0.1) gives for
evalsh's `errors` breakdown, for the Swift tests of `TIDEBreakdown` to compare against (to 1e-6).

    python3 make_tide_goldens.py             # needs tidecv 1.0.1 (and its pycocotools, numpy)
    python3 make_tide_goldens.py --default   # also the default bench set (about 10 minutes)

Inputs, read in place:
  - the peers' data in ../../../../shared/data/peers (both folders; only the numbers are written);
  - gen_coco.py's --small set with seeds 0 and 2, in /tmp/tide-gen-small and /tmp/tide-gen-small-s2,
    generated first when absent (only the numbers are written; the Swift tests read those folders
    and skip saying how to generate them when they are absent);
  - a tiny generated set (16 images), copied whole (gt, dt and numbers) into tide_tiny.json;
  - with --default, gen_coco.py's default set (5,000 images, 390,000 predictions) in
    /tmp/bench-default: overall numbers only (no "classes"), into tide_goldens_default.json.

Output: tide_goldens.json, {set name: golden}, and tide_tiny.json. A golden is
  {"ap50": mAP at IoU 0.5 (TIDE's own matching), "main": {Cls, Loc, Both, Dupe, Bkg, Miss},
   "special": {FalsePos, FalseNeg}, "counts": {error type: how many errors of it},
   "classes": {category id: {"ap50", "main", "special"}}}
in AP points, exactly as TIDE's `fix_main_errors()` / `fix_special_errors()` compute them (each main
error fixed alone, dAP clamped at 0; special errors not clamped). Per class, from the same fixed
`ClassedAPDataObject`s: that class's AP after the fix minus its AP before (main errors clamped at 0),
for the classes TIDE averages over (those with ground truth or predictions).

The data is handed to tidecv as its COCO loaders do (`datasets.COCO` / `COCOResult`: images in file
order, `iscrowd` annotations as ignore regions of their class, predictions in file order), without
masks (box mode never reads them). Predictions of a category the ground truth does not list are
dropped, as evalsh's readers do.
"""
import contextlib
import io
import json
import os
import subprocess
import sys

from tidecv import TIDE
from tidecv.data import Data
from tidecv.errors.main_errors import (BackgroundError, BoxError, ClassError, DuplicateError,
                                       FalseNegativeError, FalsePositiveError, MissedError, OtherError)
from tidecv.errors.qualifiers import Qualifier

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "..", "shared"))
if not os.path.isdir(SHARED):
    SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared"))
PEERS = os.path.join(SHARED, "data", "peers")
GEN = os.path.join(SHARED, "bench", "gen_coco.py")

MAIN = [ClassError, BoxError, OtherError, DuplicateError, BackgroundError, MissedError]


def load(path):
    with open(path) as f:
        return json.load(f)


def tide_data(gt_json, dt_json):
    gt = Data("gt", max_dets=100)
    for image in gt_json["images"]:
        gt.add_image(image["id"], image.get("file_name"))
    for cat in gt_json["categories"]:
        gt.add_class(cat["id"], cat["name"])
    for a in gt_json["annotations"]:
        if a.get("iscrowd", 0):
            gt.add_ignore_region(a["image_id"], a["category_id"], a["bbox"], None)
        else:
            gt.add_ground_truth(a["image_id"], a["category_id"], a["bbox"], None)
    known = {c["id"] for c in gt_json["categories"]}
    dets = dt_json["annotations"] if isinstance(dt_json, dict) else dt_json
    preds = Data("preds")
    for d in dets:
        if d["category_id"] in known:
            preds.add_detection(d["image_id"], d["category_id"], d["score"], d["bbox"], None)
    return gt, preds


def golden(gt_json, dt_json):
    gt, preds = tide_data(gt_json, dt_json)
    tide = TIDE()
    with contextlib.redirect_stdout(io.StringIO()):
        run = tide.evaluate(gt, preds, mode=TIDE.BOX)
    main = run.fix_main_errors()
    special = run.fix_special_errors()
    counts = run.count_errors()

    base = run.ap_data
    classes = [k for k, obj in base.objs.items() if not obj.is_empty()]
    before = {k: base.objs[k].get_ap() for k in classes}
    per_class = {str(k): {"ap50": before[k], "main": {}, "special": {}} for k in classes}
    for error in MAIN:
        fixed = run.fix_errors(Qualifier("", None)._make_error_func(error))
        for k in classes:
            per_class[str(k)]["main"][error.short_name] = max(fixed.objs[k].get_ap() - before[k], 0)
    for name, fixed in [
        (FalsePositiveError.short_name, run.fix_errors(transform=FalsePositiveError.fix)),
        (FalseNegativeError.short_name, run.fix_errors(false_neg_dict=run.false_negatives)),
    ]:
        for k in classes:
            per_class[str(k)]["special"][name] = fixed.objs[k].get_ap() - before[k]
    return {
        "ap50": run.ap,
        "main": {e.short_name: v for e, v in main.items()},
        "special": {e.short_name: v for e, v in special.items()},
        "counts": {e.short_name: n for e, n in counts.items()},
        "classes": per_class,
    }


def generated(args, folder):
    if not os.path.exists(os.path.join(folder, "dt.json")):
        subprocess.run([sys.executable, GEN, *args, "--out", folder], check=True, stdout=subprocess.DEVNULL)
    return load(os.path.join(folder, "gt.json")), load(os.path.join(folder, "dt.json"))


def main():
    if "--default" in sys.argv[1:]:
        gt_json, dt_json = generated([], "/tmp/bench-default")
        g = golden(gt_json, dt_json)
        g.pop("classes")
        with open(os.path.join(HERE, "tide_goldens_default.json"), "w") as f:
            json.dump({"generated/bench-default": dict(g, generate="")}, f, indent=1, sort_keys=True)
            f.write("\n")
        return
    goldens = {}
    peers = [
        ("coco-val2014-100", "instances_val2014_100.json", "instances_val2014_fakebbox100_results.json"),
        ("coco-val2014-100-bbox-area", "sampled_gts_bbox_area.json", "sampled_bbox_results.json"),
    ]
    for name, gt_name, dt_name in peers:
        folder = os.path.join(PEERS, name)
        goldens["peers/" + name] = golden(load(os.path.join(folder, gt_name)), load(os.path.join(folder, dt_name)))
    for name, args in [("tide-gen-small", ["--small"]), ("tide-gen-small-s2", ["--small", "--seed", "2"])]:
        gt_json, dt_json = generated(args, os.path.join("/tmp", name))
        goldens["generated/" + name] = dict(golden(gt_json, dt_json), generate=" ".join(args))
    with open(os.path.join(HERE, "tide_goldens.json"), "w") as f:
        json.dump(goldens, f, indent=1, sort_keys=True)
        f.write("\n")

    tiny_args = ["--images", "16", "--dets-per-image", "20", "--no-segm", "--seed", "5"]
    gt_json, dt_json = generated(tiny_args, "/tmp/tide-gen-tiny")
    tiny = {"generate": " ".join(tiny_args), "gt": gt_json, "dt": dt_json, "expected": golden(gt_json, dt_json)}
    with open(os.path.join(HERE, "tide_tiny.json"), "w") as f:
        json.dump(tiny, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()
