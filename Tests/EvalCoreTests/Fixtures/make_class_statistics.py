#!/usr/bin/env python3
"""Writes class_statistics.json next to this script: per class, pycocotools' statistics over that
class's slice of COCOeval's precision and recall arrays, for the peers' data, Examples/coco-small
and the hand-built cases (coco_*.json here).

    python3 make_class_statistics.py      # needs pycocotools and numpy; ../shared beside the repo

For category k (pycocotools' K axis, ascending ids), with `_summarize`'s rule (mean of the
entries > -1, absent when there is none):
    ap      precision[:, :, k, area all, maxDets 100]
    ap50    precision[iouThrs == .50, :, k, all, 100]     ap75 the same at .75
    apSmall precision[:, :, k, small, 100]   apMedium, apLarge likewise
    ar100   recall[:, k, all, 100]
Values are written as repr() strings (the shortest text that reads back to the same double), or
null when absent; classes are listed in label-map order (the order of the ground truth's
`categories`), as evalsh indexes them.
"""
import contextlib
import glob
import io
import json
import os

import numpy as np
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
PEERS = os.path.normpath(os.path.join(ROOT, "..", "shared", "data", "peers"))

# (name, ground truth, predictions) with paths relative to ROOT ("shared:" for ../shared/data/peers).
FILE_SETS = [
    ("coco-val2014-100", "shared:coco-val2014-100/instances_val2014_100.json",
     "shared:coco-val2014-100/instances_val2014_fakebbox100_results.json"),
    ("coco-val2014-100-bbox-area", "shared:coco-val2014-100-bbox-area/sampled_gts_bbox_area.json",
     "shared:coco-val2014-100-bbox-area/sampled_bbox_results.json"),
    ("coco-small", "Examples/coco-small/gt.json", "Examples/coco-small/predictions.json"),
    ("coco-small-candidate", "Examples/coco-small/gt.json", "Examples/coco-small/candidate.json"),
]


def resolve(path):
    if path.startswith("shared:"):
        return os.path.join(PEERS, path[len("shared:"):])
    return os.path.join(ROOT, path)


def statistics(gt_json, dt_list):
    """Per class in label-map order: the seven statistics (float or None)."""
    with contextlib.redirect_stdout(io.StringIO()):
        gt = COCO()
        gt.dataset = gt_json
        gt.createIndex()
        dt = gt.loadRes(dt_list) if dt_list else COCO()
        ev = COCOeval(gt, dt, "bbox")
        ev.evaluate()
        ev.accumulate()
    precision, recall = ev.eval["precision"], ev.eval["recall"]
    p = ev.params
    all_area, small, medium, large = (p.areaRngLbl.index(n) for n in ("all", "small", "medium", "large"))
    m100 = p.maxDets.index(100)

    def mean(s):
        s = s[s > -1]
        return None if len(s) == 0 else float(np.mean(s))

    by_id = {}
    for k, cat_id in enumerate(p.catIds):
        t50 = np.where(0.5 == p.iouThrs)[0]
        t75 = np.where(0.75 == p.iouThrs)[0]
        by_id[cat_id] = {
            "ap": mean(precision[:, :, k, all_area, m100]),
            "ap50": mean(precision[t50, :, k, all_area, m100]),
            "ap75": mean(precision[t75, :, k, all_area, m100]),
            "apSmall": mean(precision[:, :, k, small, m100]),
            "apMedium": mean(precision[:, :, k, medium, m100]),
            "apLarge": mean(precision[:, :, k, large, m100]),
            "ar100": mean(recall[:, k, all_area, m100]),
        }
    classes = []
    for category in gt_json["categories"]:
        values = by_id[category["id"]]
        classes.append({"id": category["id"], **{k: (None if v is None else repr(v)) for k, v in values.items()}})
    return classes


def main():
    sets = []
    for name, gt_path, dt_path in FILE_SETS:
        with open(resolve(gt_path)) as f:
            gt_json = json.load(f)
        with open(resolve(dt_path)) as f:
            dt_json = json.load(f)
        dt_list = dt_json["annotations"] if isinstance(dt_json, dict) else dt_json
        sets.append({"name": name, "gt": gt_path, "dt": dt_path, "classes": statistics(gt_json, dt_list)})
    for path in sorted(glob.glob(os.path.join(HERE, "coco_*.json"))):
        with open(path) as f:
            case = json.load(f)
        sets.append({"name": os.path.basename(path), "fixture": os.path.basename(path),
                     "classes": statistics(case["gt"], case["dt"])})
    with open(os.path.join(HERE, "class_statistics.json"), "w") as f:
        json.dump({"generator": "make_class_statistics.py", "sets": sets}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
