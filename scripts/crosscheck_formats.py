#!/usr/bin/env python3
"""Cross-checks evalsh's readers of YOLO, Pascal VOC and Ultralytics predictions.json against
globox + pycocotools.

    python3 scripts/crosscheck_formats.py                 # regenerate fixtures, goldens, compare
    python3 scripts/crosscheck_formats.py --no-evalsh     # fixtures and goldens only

1. Generates a small deterministic dataset (random boxes on images of several sizes, 3 classes,
   predictions = jittered ground truth + false positives with scores) and writes it under
   Tests/EvalFormatsTests/Fixtures/formats/ as
     yolo/data.yaml, yolo/images/val/*.png (real PNGs), yolo/labels/val/*.txt    ground truth
     voc/Annotations/*.xml                                                        ground truth
     yolo-preds/*.txt (class cx cy w h conf) and yolo-preds/classes.txt            predictions
     predictions.json (Ultralytics save_json: image_id = file stem)                predictions
   and voc-difficult/Annotations/*.xml, the VOC ground truth with some objects `difficult`.
2. For each pair, globox reads both sides (from_yolo_v5 / from_pascal_voc / from_coco_results),
   converts them to COCO and pycocotools' COCOeval (bbox) gives the 12 statistics, written to
   Fixtures/formats/expected.json (the Swift test FormatsCrossCheckTests compares with it).
   globox does not read `difficult`: for voc-difficult the COCO ground truth is written here from
   the generated boxes, difficult objects as `iscrowd: 1` (evalsh's documented reading of VOC).
3. Unless --no-evalsh, runs the release evalsh on each pair (`-c summary --format json`) and
   checks its statistics equal pycocotools' to 1e-9.

Needs: pip install globox pycocotools numpy.
"""
import argparse
import contextlib
import io
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests", "EvalFormatsTests", "Fixtures", "formats")
NAMES = ["cat", "dog", "person"]
STAT_NAMES = ["AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl"]
# (name, ground truth, predictions) relative to FIXTURES. predictions.json's category_id is a
# YOLO class index, so it pairs with YOLO ground truth only.
PAIRS = [
    ("yolo+yolo", "yolo/data.yaml", "yolo-preds"),
    ("voc+yolo", "voc", "yolo-preds"),
    ("yolo+json", "yolo/data.yaml", "predictions.json"),
    ("cvat+yolo", "cvat.xml", "yolo-preds"),
    ("labelme+yolo", "labelme", "yolo-preds"),
    ("openimages+yolo", "openimages.csv", "yolo-preds"),
    ("voc-difficult+yolo", "voc-difficult", "yolo-preds"),
]
# Open Images coordinates are fractions: evalsh is given the images (--images)
IMAGES = {"openimages.csv": "yolo/images/val"}


def png(width, height):
    """A real, tiny PNG of the given size (grey, one filter byte per row)."""
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def generate(seed=7, images=12):
    rng = random.Random(seed)
    data = []
    for i in range(images):
        w, h = rng.choice([(64, 48), (80, 60), (48, 64), (96, 96)])
        gts = []
        for _ in range(rng.randint(0, 6)):
            bw, bh = rng.randint(4, w // 2), rng.randint(4, h // 2)
            x, y = rng.randint(0, w - bw), rng.randint(0, h - bh)
            gts.append((rng.randrange(len(NAMES)), x, y, bw, bh))
        preds = []
        for (c, x, y, bw, bh) in gts:
            if rng.random() < 0.15:
                continue
            jx, jy = rng.uniform(-3, 3), rng.uniform(-3, 3)
            nx, ny = min(max(x + jx, 0), w - 1), min(max(y + jy, 0), h - 1)
            nw, nh = min(bw + rng.uniform(-3, 3), w - nx), min(bh + rng.uniform(-3, 3), h - ny)
            cls = c if rng.random() > 0.1 else rng.randrange(len(NAMES))
            preds.append((cls, nx, ny, nw, nh, round(rng.uniform(0.3, 0.99), 6)))
        for _ in range(rng.randint(0, 3)):
            bw, bh = rng.uniform(4, w / 2), rng.uniform(4, h / 2)
            preds.append((rng.randrange(len(NAMES)), rng.uniform(0, w - bw), rng.uniform(0, h - bh), bw, bh,
                          round(rng.uniform(0.01, 0.6), 6)))
        data.append({"stem": "img_%03d" % i, "w": w, "h": h, "gt": gts, "pred": preds})
    flags = random.Random(seed + 1)  # a stream of its own: the other fixtures do not change
    for im in data:
        im["difficult"] = [int(flags.random() < 0.2) for _ in im["gt"]]
    return data


def difficult_as_crowd(data):
    """The voc-difficult ground truth in COCO, written directly: difficult objects iscrowd=1."""
    images, annotations = [], []
    for i, im in enumerate(sorted(data, key=lambda d: d["stem"])):
        images.append({"id": i + 1, "file_name": im["stem"] + ".png", "width": im["w"], "height": im["h"]})
        for (c, x, y, bw, bh), d in zip(im["gt"], im["difficult"]):
            annotations.append({"id": len(annotations) + 1, "image_id": i + 1, "category_id": c + 1,
                                "bbox": [x, y, bw, bh], "area": bw * bh, "iscrowd": d})
    return {"images": images, "annotations": annotations,
            "categories": [{"id": i + 1, "name": n} for i, n in enumerate(NAMES)]}


def write_fixtures(data):
    if os.path.isdir(FIXTURES):
        shutil.rmtree(FIXTURES)
    for d in ["yolo/images/val", "yolo/labels/val", "voc/Annotations", "yolo-preds", "labelme",
              "voc-difficult/Annotations"]:
        os.makedirs(os.path.join(FIXTURES, d))
    with open(os.path.join(FIXTURES, "yolo/data.yaml"), "w") as f:
        f.write("path: .\nval: images/val\nnames:\n" + "".join("  %d: %s\n" % (i, n) for i, n in enumerate(NAMES)))
    with open(os.path.join(FIXTURES, "yolo-preds/classes.txt"), "w") as f:
        f.write("\n".join(NAMES) + "\n")
    results = []
    cvat = ['<?xml version="1.0" encoding="utf-8"?>\n<annotations>\n  <version>1.1</version>\n  <meta><task><labels>']
    cvat += ["<label><name>%s</name></label>" % n for n in NAMES]
    cvat += ["</labels></task></meta>\n"]
    oi = ["ImageID,Source,LabelName,Confidence,XMin,XMax,YMin,YMax,IsGroupOf"]
    for im in data:
        s, w, h = im["stem"], im["w"], im["h"]
        with open(os.path.join(FIXTURES, "yolo/images/val", s + ".png"), "wb") as f:
            f.write(png(w, h))
        with open(os.path.join(FIXTURES, "yolo/labels/val", s + ".txt"), "w") as f:
            for (c, x, y, bw, bh) in im["gt"]:
                f.write("%d %r %r %r %r\n" % (c, (x + bw / 2) / w, (y + bh / 2) / h, bw / w, bh / h))
        objects = "".join(
            "  <object>\n    <name>%s</name>\n    <difficult>0</difficult>\n    <bndbox><xmin>%d</xmin><ymin>%d</ymin>"
            "<xmax>%d</xmax><ymax>%d</ymax></bndbox>\n  </object>\n" % (NAMES[c], x, y, x + bw, y + bh)
            for (c, x, y, bw, bh) in im["gt"])
        with open(os.path.join(FIXTURES, "voc/Annotations", s + ".xml"), "w") as f:
            f.write("<annotation>\n  <filename>%s.png</filename>\n  <size><width>%d</width><height>%d</height>"
                    "<depth>1</depth></size>\n%s</annotation>\n" % (s, w, h, objects))
        objects = "".join(
            "  <object>\n    <name>%s</name>\n    <difficult>%d</difficult>\n    <bndbox><xmin>%d</xmin><ymin>%d</ymin>"
            "<xmax>%d</xmax><ymax>%d</ymax></bndbox>\n  </object>\n" % (NAMES[c], d, x, y, x + bw, y + bh)
            for (c, x, y, bw, bh), d in zip(im["gt"], im["difficult"]))
        with open(os.path.join(FIXTURES, "voc-difficult/Annotations", s + ".xml"), "w") as f:
            f.write("<annotation>\n  <filename>%s.png</filename>\n  <size><width>%d</width><height>%d</height>"
                    "<depth>1</depth></size>\n%s</annotation>\n" % (s, w, h, objects))
        with open(os.path.join(FIXTURES, "yolo-preds", s + ".txt"), "w") as f:
            for (c, x, y, bw, bh, sc) in im["pred"]:
                f.write("%d %r %r %r %r %r\n" % (c, (x + bw / 2) / w, (y + bh / 2) / h, bw / w, bh / h, sc))
        cvat.append('  <image id="%d" name="%s.png" width="%d" height="%d">\n' % (len(cvat), s, w, h))
        cvat += ['    <box label="%s" occluded="0" source="manual" xtl="%d" ytl="%d" xbr="%d" ybr="%d" z_order="0"/>\n'
                 % (NAMES[c], x, y, x + bw, y + bh) for (c, x, y, bw, bh) in im["gt"]]
        cvat.append("  </image>\n")
        with open(os.path.join(FIXTURES, "labelme", s + ".json"), "w") as f:
            json.dump({"version": "5.2.1", "flags": {}, "imagePath": s + ".png", "imageData": None, "imageHeight": h,
                       "imageWidth": w, "shapes": [{"label": NAMES[c], "points": [[x + bw, y], [x, y + bh]],
                                                     "group_id": None, "shape_type": "rectangle", "flags": {}}
                                                    for (c, x, y, bw, bh) in im["gt"]]}, f)
        oi += ["%s.png,xclick,%s,1,%r,%r,%r,%r,0" % (s, NAMES[c], x / w, (x + bw) / w, y / h, (y + bh) / h)
               for (c, x, y, bw, bh) in im["gt"]]
        for (c, x, y, bw, bh, sc) in im["pred"]:
            results.append({"image_id": s, "category_id": c, "bbox": [round(x, 3), round(y, 3), round(bw, 3), round(bh, 3)],
                            "score": sc})
    with open(os.path.join(FIXTURES, "predictions.json"), "w") as f:
        json.dump(results, f)
    with open(os.path.join(FIXTURES, "cvat.xml"), "w") as f:
        f.write("".join(cvat) + "</annotations>\n")
    with open(os.path.join(FIXTURES, "openimages.csv"), "w") as f:
        f.write("\n".join(oi) + "\n")


def globox_side(path, images, stem_to_file):
    """Reads one side with globox; labels become class names."""
    import globox
    full = os.path.join(FIXTURES, path)
    if path.endswith("data.yaml"):
        s = globox.AnnotationSet.from_yolo_v5(os.path.join(FIXTURES, "yolo/labels/val"), image_folder=images,
                                               image_extension=".png")
    elif path == "yolo-preds":  # globox takes every .txt for a label file: classes.txt left out
        tmp = tempfile.mkdtemp()
        for name in os.listdir(full):
            if name != "classes.txt":
                shutil.copy(os.path.join(full, name), tmp)
        s = globox.AnnotationSet.from_yolo_v5(tmp, image_folder=images, image_extension=".png")
        shutil.rmtree(tmp)
    elif path == "voc":
        s = globox.AnnotationSet.from_pascal_voc(os.path.join(full, "Annotations"))
    elif path == "cvat.xml":
        s = globox.AnnotationSet.from_cvat(full)
    elif path == "labelme":
        s = globox.AnnotationSet.from_labelme(full)
    elif path == "openimages.csv":
        s = globox.AnnotationSet.from_openimage(full, image_folder=images)
        # Open Images lists only images with boxes: the others are added, empty, as in the other
        # formats (the size of an image without boxes plays no part in the statistics)
        for stem, file in stem_to_file.items():
            if file not in s.image_ids:
                s.add(globox.Annotation(image_id=file, image_size=next(iter(s)).image_size))
    else:  # Ultralytics predictions.json: image_id is the stem, category_id the class index
        with open(full) as f:
            raw = json.load(f)
        tmp = tempfile.NamedTemporaryFile("w", suffix=".json", delete=False)
        json.dump([dict(r, image_id=stem_to_file[r["image_id"]]) for r in raw], tmp)
        tmp.close()
        gt = globox.AnnotationSet.from_yolo_v5(os.path.join(FIXTURES, "yolo/labels/val"), image_folder=images,
                                                image_extension=".png")
        s = globox.AnnotationSet.from_coco_results(tmp.name, id_to_label={i: str(i) for i in range(len(NAMES))},
                                                   id_to_imageid={f: f for f in stem_to_file.values()})
        os.unlink(tmp.name)
    if path in ("yolo/data.yaml", "yolo-preds", "predictions.json"):
        s = s.map_labels({str(i): n for i, n in enumerate(NAMES)})
    return s


def pycocotools_stats(gt_set, dt_set, files, gt_json=None):
    label_to_id = {n: i + 1 for i, n in enumerate(NAMES)}
    imageid_to_id = {f: i + 1 for i, f in enumerate(sorted(files))}
    # through JSON, as a file written by globox would be read (its boxes are tuples)
    dt_json = json.loads(json.dumps(dt_set.to_coco(label_to_id=label_to_id, imageid_to_id=imageid_to_id)))["annotations"]
    for a in dt_json:
        a.pop("segmentation", None)
    if gt_json is not None:
        return evaluate(gt_json, dt_json)
    gt_json = json.loads(json.dumps(gt_set.to_coco(label_to_id=label_to_id, imageid_to_id=imageid_to_id)))
    gt_json["categories"] = [{"id": i + 1, "name": n} for i, n in enumerate(NAMES)]
    # globox numbers annotations from 0, and pycocotools takes a match to id 0 for no match:
    # numbered from 1, as evalsh's readers do, so that the quirk plays no part
    for i, a in enumerate(gt_json["annotations"]):
        a["id"] = i + 1
    assert len(gt_json["images"]) == len(files), "globox left out images without boxes"
    return evaluate(gt_json, dt_json)


def evaluate(gt_json, dt_json):
    from pycocotools.coco import COCO
    from pycocotools.cocoeval import COCOeval
    with contextlib.redirect_stdout(io.StringIO()):
        coco = COCO()
        coco.dataset = gt_json
        coco.createIndex()
        dets = coco.loadRes(dt_json)
        e = COCOeval(coco, dets, "bbox")
        e.evaluate(); e.accumulate(); e.summarize()
    return [float(v) for v in e.stats]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-evalsh", action="store_true")
    ap.add_argument("--evalsh", default=os.path.join(ROOT, ".build", "release", "evalsh"))
    args = ap.parse_args()
    data = generate()
    write_fixtures(data)
    images = os.path.join(FIXTURES, "yolo/images/val")
    stem_to_file = {im["stem"]: im["stem"] + ".png" for im in data}
    files = list(stem_to_file.values())
    expected = {}
    for name, gt, dt in PAIRS:
        direct = difficult_as_crowd(data) if gt == "voc-difficult" else None
        gt_set = None if direct else globox_side(gt, images, stem_to_file)
        dt_set = globox_side(dt, images, stem_to_file)
        expected[name] = {"ground_truth": gt, "predictions": dt, "images": IMAGES.get(gt),
                          "stats": pycocotools_stats(gt_set, dt_set, files, gt_json=direct)}
        print("%-10s pycocotools AP=%.6f AR100=%.6f" % (name, expected[name]["stats"][0], expected[name]["stats"][8]))
    with open(os.path.join(FIXTURES, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
    if args.no_evalsh:
        return 0
    failures = 0
    for name, e in expected.items():
        images = ["--images", os.path.join(FIXTURES, e["images"])] if e["images"] else []
        out = subprocess.run([args.evalsh, "-n"] + images + [os.path.join(FIXTURES, e["ground_truth"]),
                              os.path.join(FIXTURES, e["predictions"]), "-c", "summary", "--format", "json"],
                             capture_output=True, text=True)
        if out.returncode != 0:
            print("%s: evalsh failed: %s" % (name, out.stderr.strip()))
            failures += 1
            continue
        ours = extract_stats(json.loads(out.stdout))
        worst = max(abs(a - b) for a, b in zip(ours, e["stats"]))
        ok = worst <= 1e-9
        failures += not ok
        print("%-10s evalsh vs pycocotools: max |diff| = %.3g %s" % (name, worst, "ok" if ok else "MISMATCH"))
    return 1 if failures else 0


def extract_stats(doc):
    """The 12 COCO statistics from `summary --format json`, by name."""
    found = {}
    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k in STAT_NAMES and isinstance(x, (int, float)):
                    found.setdefault(k, float(x))
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(doc)
    return [found.get(n, float("nan")) for n in STAT_NAMES]


if __name__ == "__main__":
    sys.exit(main())
