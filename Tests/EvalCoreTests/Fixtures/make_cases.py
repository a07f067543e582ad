#!/usr/bin/env python3
"""Builds small COCO ground-truth/prediction cases that exercise pycocotools' quirks and writes
each one, with what pycocotools 2.0.x gives for it, to coco_<name>.json next to this script.

    python3 make_cases.py        # needs pycocotools and numpy; deterministic output

Each file: {"name", "description", "gt": COCO dataset, "dt": results list,
"expected": {"stats": 12 floats, "perClassAP": [...], "perClassAP50": [...]}}.
Per-class AP is in label-map order (the order of gt["categories"]): the mean of
precision[:, :, k, area all, maxDets 100] (resp. IoU 0.50 only) over entries > -1, -1 when none.
Also writes parameters.json with pycocotools' iouThrs and recThrs, and a NumPy summation sample
(values whose np.mean depends on NumPy's pairwise summation order).
"""
import contextlib
import copy
import io
import json
import os
import random

import numpy as np
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval

HERE = os.path.dirname(os.path.abspath(__file__))


def image(i, w=640, h=480):
    return {"id": i, "file_name": f"img{i}.jpg", "width": w, "height": h}


def ann(aid, img, cat, box, area=None, crowd=0, **extra):
    a = {"id": aid, "image_id": img, "category_id": cat, "bbox": box,
         "area": box[2] * box[3] if area is None else area, "iscrowd": crowd}
    a.update(extra)
    return a


def det(img, cat, box, score):
    return {"image_id": img, "category_id": cat, "bbox": box, "score": score}


def cats(*pairs):
    return [{"id": i, "name": n} for i, n in pairs]


def evaluate(gt, dt):
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink):
        coco_gt = COCO()
        coco_gt.dataset = copy.deepcopy(gt)
        coco_gt.createIndex()
        coco_dt = coco_gt.loadRes(copy.deepcopy(dt))
        e = COCOeval(coco_gt, coco_dt, "bbox")
        e.evaluate()
        e.accumulate()
        e.summarize()
    precision = e.eval["precision"]
    sorted_ids = list(e.params.catIds)
    per_ap, per_ap50 = [], []
    for c in gt["categories"]:
        k = sorted_ids.index(c["id"])
        for target, s in ((per_ap, precision[:, :, k, 0, -1]), (per_ap50, precision[0, :, k, 0, -1])):
            s = s[s > -1]
            target.append(float(np.mean(s)) if s.size else -1.0)
    return {"stats": [float(x) for x in e.stats], "perClassAP": per_ap, "perClassAP50": per_ap50}


def case_empty_images():
    gt = {"images": [image(3), image(1), image(2), image(4)], "categories": cats((1, "car")),
          "annotations": [ann(1, 1, 1, [10, 10, 50, 40]), ann(2, 2, 1, [100, 100, 30, 30])]}
    dt = [det(1, 1, [12, 11, 50, 40], 0.9), det(4, 1, [0, 0, 20, 20], 0.8), det(2, 1, [300, 300, 30, 30], 0.7)]
    return "images without annotations, one with only a false positive", gt, dt


def case_crowd_only():
    gt = {"images": [image(1), image(2)], "categories": cats((1, "person")),
          "annotations": [ann(1, 1, 1, [0, 0, 200, 200], crowd=1),
                          ann(2, 2, 1, [50, 50, 60, 60]), ann(3, 2, 1, [40, 40, 300, 300], crowd=1)]}
    dt = [det(1, 1, [10, 10, 40, 40], 0.9), det(1, 1, [60, 60, 40, 40], 0.8), det(1, 1, [150, 150, 100, 100], 0.7),
          det(2, 1, [50, 50, 60, 60], 0.95), det(2, 1, [200, 200, 50, 50], 0.6), det(2, 1, [500, 400, 30, 30], 0.5)]
    return "image with only crowd ground truth matched by several detections", gt, dt


def case_class_without_gt():
    gt = {"images": [image(1)], "categories": cats((5, "bus"), (2, "dog"), (9, "kite")),
          "annotations": [ann(1, 1, 5, [0, 0, 100, 100])]}
    dt = [det(1, 5, [0, 0, 90, 100], 0.9), det(1, 2, [0, 0, 100, 100], 0.8), det(1, 2, [200, 0, 10, 10], 0.3)]
    return "a class with predictions but no ground truth, a class with neither", gt, dt


def case_over_100():
    rng = random.Random(7)
    gts = [ann(i + 1, 1, 1, [20 * i, 10 * i % 400, 30, 30 + i]) for i in range(20)]
    dts = []
    for i in range(150):
        g = gts[i % 20]["bbox"]
        jitter = [rng.uniform(-8, 8) for _ in range(4)]
        dts.append(det(1, 1, [g[0] + jitter[0], g[1] + jitter[1], g[2] + jitter[2], g[3] + jitter[3]],
                       round(rng.uniform(0, 1), 2)))
    gt = {"images": [image(1, 1000, 800)], "categories": cats((1, "car")), "annotations": gts}
    return "150 detections on one image: cut to 100 by a stable score sort", gt, dts


def case_equal_scores():
    gt = {"images": [image(2), image(1)], "categories": cats((1, "car")),
          "annotations": [ann(1, 1, 1, [0, 0, 100, 100]), ann(2, 2, 1, [0, 0, 100, 100]),
                          ann(3, 2, 1, [300, 300, 50, 50])]}
    dt = [det(2, 1, [400, 0, 50, 50], 0.5), det(1, 1, [0, 0, 100, 100], 0.5), det(2, 1, [0, 0, 100, 100], 0.5),
          det(1, 1, [200, 200, 20, 20], 0.5), det(2, 1, [300, 300, 50, 50], 0.5)]
    return "equal scores across and within images: file and image-id order decide", gt, dt


def case_equal_ious():
    # The detection overlaps two ground-truth boxes with the same IoU; the later one wins.
    gt = {"images": [image(1)], "categories": cats((1, "car")),
          "annotations": [ann(1, 1, 1, [0, 0, 100, 100], area=500), ann(2, 1, 1, [50, 0, 100, 100], area=5000)]}
    dt = [det(1, 1, [25, 0, 100, 100], 0.9), det(1, 1, [60, 0, 100, 100], 0.4)]
    return "equal IoU with two ground truths in different area ranges", gt, dt


def case_covering_two():
    gt = {"images": [image(1)], "categories": cats((1, "car"), (2, "truck")),
          "annotations": [ann(1, 1, 1, [0, 0, 50, 100]), ann(2, 1, 1, [50, 0, 50, 100]),
                          ann(3, 1, 2, [200, 200, 80, 80])]}
    dt = [det(1, 1, [0, 0, 100, 100], 0.9), det(1, 1, [0, 0, 60, 100], 0.8), det(1, 2, [190, 200, 80, 80], 0.7)]
    return "one detection covering two ground truths", gt, dt


def case_gt_id_zero():
    gt = {"images": [image(1), image(2)], "categories": cats((1, "car")),
          "annotations": [ann(0, 1, 1, [0, 0, 100, 100]), ann(1, 1, 1, [200, 200, 10, 10]),
                          ann(2, 2, 1, [0, 0, 100, 100])]}
    dt = [det(1, 1, [0, 0, 100, 100], 0.9), det(1, 1, [200, 200, 10, 10], 0.8), det(2, 1, [0, 0, 100, 100], 0.7),
          det(1, 1, [2, 2, 100, 100], 0.6)]
    return "ground truth with annotation id 0 counts as unmatched in dtMatches", gt, dt


def case_ignore_flag():
    gt = {"images": [image(1)], "categories": cats((1, "car")),
          "annotations": [ann(1, 1, 1, [0, 0, 100, 100], ignore=1), ann(2, 1, 1, [200, 200, 100, 100], crowd=1, ignore=0),
                          ann(3, 1, 1, [400, 0, 50, 50], crowd=0, ignore=1)]}
    dt = [det(1, 1, [0, 0, 100, 100], 0.9), det(1, 1, [210, 210, 50, 50], 0.8), det(1, 1, [400, 0, 50, 50], 0.1)]
    return "an explicit ignore flag is overwritten by iscrowd", gt, dt


def case_area_edges():
    gt = {"images": [image(1, 1000, 1000)], "categories": cats((1, "car")),
          "annotations": [ann(1, 1, 1, [0, 0, 32, 32]), ann(2, 1, 1, [100, 0, 96, 96]),
                          ann(3, 1, 1, [300, 0, 40, 40], area=1024.0), ann(4, 1, 1, [400, 0, 20, 20], area=9216.0),
                          ann(5, 1, 1, [500, 500, 10, 10], area=0.0), ann(6, 1, 1, [600, 600, 96, 97])]}
    dt = [det(1, 1, [0, 0, 32, 32], 0.9), det(1, 1, [100, 0, 96, 96], 0.8), det(1, 1, [300, 0, 40, 40], 0.7),
          det(1, 1, [400, 0, 20, 20], 0.6), det(1, 1, [500, 500, 10, 10], 0.5), det(1, 1, [800, 800, 32, 32], 0.4),
          det(1, 1, [800, 0, 96, 96], 0.3), det(1, 1, [900, 900, 31.9, 32], 0.2), det(1, 1, [600, 600, 96, 97], 0.1)]
    return "areas exactly on the range bounds; annotation area differs from w*h", gt, dt


def case_random():
    rng = random.Random(2024)
    categories = cats((7, "c7"), (3, "c3"), (11, "c11"), (1, "c1"))
    image_ids = [42, 7, 19, 3, 100, 55, 8, 23]
    images = [image(i, 640, 480) for i in image_ids]
    anns, dts, aid = [], [], 1000
    for img in image_ids:
        for _ in range(rng.randint(0, 8)):
            c = rng.choice(categories[:3])["id"]
            w, h = rng.uniform(5, 200), rng.uniform(5, 200)
            box = [rng.uniform(0, 440), rng.uniform(0, 280), w, h]
            crowd = 1 if rng.random() < 0.1 else 0
            anns.append(ann(aid, img, c, box, area=w * h * rng.uniform(0.5, 1.0), crowd=crowd))
            aid -= rng.randint(1, 5)
            for _ in range(rng.randint(0, 3)):
                jit = [rng.gauss(0, 0.15 * w), rng.gauss(0, 0.15 * h), rng.gauss(0, 0.1 * w), rng.gauss(0, 0.1 * h)]
                pc = c if rng.random() < 0.8 else rng.choice(categories)["id"]
                dts.append(det(img, pc, [box[0] + jit[0], box[1] + jit[1], max(1.0, w + jit[2]), max(1.0, h + jit[3])],
                               round(rng.random(), 3)))
        for _ in range(rng.randint(0, 4)):
            dts.append(det(img, rng.choice(categories)["id"],
                           [rng.uniform(0, 600), rng.uniform(0, 440), rng.uniform(3, 150), rng.uniform(3, 150)],
                           round(rng.random(), 3)))
    rng.shuffle(dts)
    gt = {"images": images, "categories": categories, "annotations": anns}
    return "random mix: unsorted image and category ids, crowds, confusions, repeated scores", gt, dts


CASES = {
    "empty_images": case_empty_images, "crowd_only": case_crowd_only, "class_without_gt": case_class_without_gt,
    "over_100": case_over_100, "equal_scores": case_equal_scores, "equal_ious": case_equal_ious,
    "covering_two": case_covering_two, "gt_id_zero": case_gt_id_zero, "ignore_flag": case_ignore_flag,
    "area_edges": case_area_edges, "random": case_random,
}


def main():
    for name, build in CASES.items():
        description, gt, dt = build()
        out = {"name": name, "description": description, "gt": gt, "dt": dt, "expected": evaluate(gt, dt)}
        with open(os.path.join(HERE, f"coco_{name}.json"), "w") as f:
            json.dump(out, f, indent=1)
    from pycocotools.cocoeval import Params
    p = Params(iouType="bbox")
    with open(os.path.join(HERE, "parameters.json"), "w") as f:
        rng = np.random.default_rng(3)
        sums = []
        for n in (5, 8, 100, 128, 129, 1000, 8083):
            values = rng.random(n) * 10.0 ** rng.integers(-6, 6, size=n)
            sums.append({"values": [float(v) for v in values], "mean": float(np.mean(values))})
        json.dump({"iouThrs": [float(x) for x in p.iouThrs], "recThrs": [float(x) for x in p.recThrs],
                   "means": sums}, f)


if __name__ == "__main__":
    main()
