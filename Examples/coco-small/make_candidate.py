#!/usr/bin/env python3
"""Derives candidate.json from predictions.json with two known changes, for `compare`:

  1. every prediction of image DROPPED is removed (the candidate misses everything there);
  2. every car prediction of image RELABELLED becomes a bowl (that image has no bowl, in the
     ground truth or the predictions).

and prints what the changes must do at the operating point iou=0.5, confidence=0.5, worked out
here from the files alone (a plain re-implementation of the matching for those two images), and,
when pycocotools is installed, the 12 COCO statistics of both files:

    python3 Examples/coco-small/make_candidate.py            # writes candidate.json, prints the facts

The golden test Tests/EvalShellTests/Golden/scripts/compare-coco-small.evq asserts these facts.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DROPPED = "000000167379.jpg"
RELABELLED = "000000001843.jpg"
IOU, CONFIDENCE = 0.5, 0.5


def iou(d, g):
    w = min(d[0] + d[2], g[0] + g[2]) - max(d[0], g[0])
    h = min(d[1] + d[3], g[1] + g[3]) - max(d[1], g[1])
    if w <= 0 or h <= 0:
        return 0.0
    inter = w * h
    return inter / (d[2] * d[3] + g[2] * g[3] - inter)


def class_aware_tp(gts, dts):
    """semantics.md §2, pass 2, for one image and class: greedy by score, best free IoU."""
    free = list(range(len(gts)))
    tp = 0
    for d in sorted(dts, key=lambda d: -d["score"]):
        best, best_iou = None, IOU
        for g in free:
            v = iou(d["bbox"], gts[g]["bbox"])
            if v >= best_iou and (best is None or v > best_iou):
                best, best_iou = g, v
        if best is not None:
            free.remove(best)
            tp += 1
    return tp


def main():
    gt = json.load(open(os.path.join(HERE, "gt.json")))
    dt = json.load(open(os.path.join(HERE, "predictions.json")))
    ids = {i["file_name"]: i["id"] for i in gt["images"]}
    names = {c["id"]: c["name"] for c in gt["categories"]}
    car = next(c for c, n in names.items() if n == "car")
    bowl = next(c for c, n in names.items() if n == "bowl")
    x, y = ids[DROPPED], ids[RELABELLED]
    assert not any(a["image_id"] == y and a["category_id"] == bowl for a in gt["annotations"])
    assert not any(d["image_id"] == y and d["category_id"] == bowl for d in dt)

    candidate = []
    for d in dt:
        if d["image_id"] == x:
            continue
        if d["image_id"] == y and d["category_id"] == car:
            d = dict(d, category_id=bowl)
        candidate.append(d)
    with open(os.path.join(HERE, "candidate.json"), "w") as f:
        json.dump(candidate, f)

    def objects(image, category=None):
        return [a for a in gt["annotations"] if a["image_id"] == image and not a.get("iscrowd", 0)
                and (category is None or a["category_id"] == category)]

    def kept(image, category=None):
        return [d for d in dt if d["image_id"] == image and d["score"] >= CONFIDENCE
                and (category is None or d["category_id"] == category)]

    tp_x = sum(class_aware_tp(objects(x, c), kept(x, c)) for c in names)
    facts = {
        "dropped": DROPPED, "dropped_objects": len(objects(x)), "dropped_kept_predictions": len(kept(x)),
        "dropped_tp_before": tp_x,
        "relabelled": RELABELLED, "relabelled_cars": len(objects(y, car)),
        "relabelled_kept_car_predictions": len(kept(y, car)),
        "relabelled_car_tp_before": class_aware_tp(objects(y, car), kept(y, car)),
        "predictions_removed": len(dt) - len(candidate),
    }
    try:
        from pycocotools.coco import COCO
        from pycocotools.cocoeval import COCOeval
        import contextlib, io
        stats = {}
        with contextlib.redirect_stdout(io.StringIO()):
            ground = COCO(os.path.join(HERE, "gt.json"))
            for name in ("predictions", "candidate"):
                e = COCOeval(ground, ground.loadRes(os.path.join(HERE, name + ".json")), "bbox")
                e.evaluate(); e.accumulate(); e.summarize()
                stats[name] = [float(s) for s in e.stats]
        facts["pycocotools_AP_change"] = stats["candidate"][0] - stats["predictions"][0]
        facts["pycocotools_AP50_change"] = stats["candidate"][1] - stats["predictions"][1]
        facts["pycocotools_candidate_stats"] = stats["candidate"]
    except ImportError:
        facts["pycocotools"] = "not installed"
    print(json.dumps(facts, indent=2))


if __name__ == "__main__":
    main()
