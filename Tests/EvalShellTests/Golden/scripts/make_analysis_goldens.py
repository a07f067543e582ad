#!/usr/bin/env python3
"""Reference numbers of analysis-coco-small.evq (`errors`, `sweep`, `boxes`) on Examples/coco-small,
computed without evalsh:

  - errors: tidecv 1.0.1 (`pip install tidecv`), through make_tide_goldens.py's `golden()` (the
    data handed to TIDE as its COCO loaders do);
  - sweep: semantics.md section 2's class-aware pass written out here (per image and class,
    predictions by descending score take the free non-crowd object of the highest IoU >= iou;
    a free prediction whose crowd IoU with a crowd box of its class is >= iou is set aside),
    run at every distinct score threshold from scratch (no prefix argument), and the best F1
    (highest threshold on ties) overall and for one class;
  - boxes: the counts of that same pass at confidence 0.5 (TP/FP/FN rows), and the TIDE
    error counts.

    python3 Tests/EvalShellTests/Golden/scripts/make_analysis_goldens.py

Prints the values the golden script's comments quote.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "Tests", "EvalCoreTests", "Fixtures"))
from make_tide_goldens import golden  # noqa: E402


def iou(d, g, crowd=False):
    dx, dy, dw, dh = d
    gx, gy, gw, gh = g
    iw = min(dx + dw, gx + gw) - max(dx, gx)
    ih = min(dy + dh, gy + gh) - max(dy, gy)
    if iw <= 0 or ih <= 0:
        return 0.0
    inter = iw * ih
    union = dw * dh if crowd else dw * dh + gw * gh - inter
    return inter / union


def counts(gt, dts, thr, conf, cls=None):
    """TP, FP, FN at (thr, conf), over all classes or class `cls`, by the class-aware pass."""
    tp = fp = fn = 0
    by_image = {}
    for a in gt["annotations"]:
        by_image.setdefault(a["image_id"], ([], []))[0].append(a)
    for i, d in enumerate(dts):
        if d["score"] >= conf:
            by_image.setdefault(d["image_id"], ([], []))[1].append((i, d))
    for image, (gts, preds) in by_image.items():
        preds = sorted(preds, key=lambda p: (-p[1]["score"], p[0]))
        taken = [False] * len(gts)
        for _, d in preds:
            c = d["category_id"]
            if cls is not None and c != cls:
                continue
            best, best_iou = -1, 0.0
            for j, g in enumerate(gts):
                if taken[j] or g.get("iscrowd", 0) or g["category_id"] != c:
                    continue
                v = iou(d["bbox"], g["bbox"])
                if v >= thr and (best < 0 or v > best_iou):
                    best, best_iou = j, v
            if best >= 0:
                taken[best] = True
                tp += 1
                continue
            aside = any(g.get("iscrowd", 0) and g["category_id"] == c and iou(d["bbox"], g["bbox"], True) >= thr
                        for g in gts)
            if not aside:
                fp += 1
        fn += sum(1 for g in gts if not g.get("iscrowd", 0) and (cls is None or g["category_id"] == cls))
    return tp, fp, fn - tp


def best_f1(gt, dts, thr, cls=None):
    scores = sorted({d["score"] for d in dts if cls is None or d["category_id"] == cls}, reverse=True)
    best = None
    for s in scores:
        tp, fp, fn = counts(gt, dts, thr, s, cls)
        f1 = 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0
        if best is None or f1 > best[1]:
            best = (s, f1, tp, fp, fn)
    return best


def main():
    folder = os.path.join(ROOT, "Examples", "coco-small")
    gt = json.load(open(os.path.join(folder, "gt.json")))
    dts = json.load(open(os.path.join(folder, "predictions.json")))
    car = next(c["id"] for c in gt["categories"] if c["name"] == "car")
    g = golden(gt, dts)
    print("errors overall:", json.dumps({k: g[k] for k in ("ap50", "main", "special", "counts")}))
    print("errors car:", json.dumps(g["classes"][str(car)]))
    print("boxes at iou 0.5 confidence 0.5 (TP, FP, FN):", counts(gt, dts, 0.5, 0.5))
    print("boxes at iou 0.7 confidence 0.3 (TP, FP, FN):", counts(gt, dts, 0.7, 0.3))
    print("sweep best overall (confidence, F1, TP, FP, FN):", best_f1(gt, dts, 0.5))
    print("sweep best car:", best_f1(gt, dts, 0.5, car))


if __name__ == "__main__":
    main()
