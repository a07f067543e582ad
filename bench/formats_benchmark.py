#!/usr/bin/env python3
"""Load time of the YOLO and Pascal VOC readers at the benchmark's size, with COCO for scale.

    python3 bench/formats_benchmark.py              # 5,000 images (gen_coco.py's default preset)
    python3 bench/formats_benchmark.py --small      # 200 images, a quick check
    python3 bench/formats_benchmark.py --runs 5     # medians of 5 whole-process runs

1. generates gt.json/dt.json with ../shared/bench/gen_coco.py (cached under bench-data/, as
   bench/benchmark.py does) and converts them (cached too) into
     yolo/data.yaml, yolo/images/val/*.png, yolo/labels/val/*.txt   one label file per image
     yolo-preds/*.txt                                              one prediction file per image
                                                                   (class cx cy w h conf)
     voc/Annotations/*.xml                                         one XML file per image
   The PNGs hold a signature and an IHDR chunk only (the reader reads the header, nothing more);
   crowd boxes become VOC `difficult` objects and are left out of the YOLO labels.
2. builds evalsh in release mode and runs, as whole processes, `evalsh -n GT PRED -c evals`
   (load, then a one-line table) for COCO (gt.json + dt.json), YOLO (data.yaml + yolo-preds/) and
   VOC (voc/ + yolo-preds/), reporting wall time, CPU time (user + system, > wall when both
   cores work) and peak memory.
"""
import argparse
import json
import os
import statistics
import struct
import subprocess
import sys
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "bench"))
import benchmark  # noqa: E402  (generate: the cached gen_coco.py data)


def png_header(width, height):
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = struct.pack(">I", 13) + b"IHDR" + ihdr + struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk + struct.pack(">I", 0) + b"IEND" + struct.pack(">I", zlib.crc32(b"IEND"))


def convert(gt_path, dt_path, out):
    if os.path.exists(os.path.join(out, "done")):
        return
    print("converting to YOLO and VOC under", out, flush=True)
    with open(gt_path) as f:
        gt = json.load(f)
    with open(dt_path) as f:
        dt = json.load(f)
    cats = gt["categories"]
    index = {c["id"]: i for i, c in enumerate(cats)}
    names = {c["id"]: c["name"] for c in cats}
    images = {im["id"]: im for im in gt["images"]}
    stem = {im["id"]: os.path.splitext(im["file_name"])[0] for im in gt["images"]}
    by_image = {i: [] for i in images}
    for a in gt["annotations"]:
        by_image[a["image_id"]].append(a)
    preds = {i: [] for i in images}
    for d in dt:
        preds[d["image_id"]].append(d)
    for d in ["yolo/images/val", "yolo/labels/val", "yolo-preds", "voc/Annotations"]:
        os.makedirs(os.path.join(out, d), exist_ok=True)
    with open(os.path.join(out, "yolo/data.yaml"), "w") as f:
        f.write("path: .\nval: images/val\nnames:\n" + "".join("  %d: %s\n" % (i, c["name"]) for i, c in enumerate(cats)))
    for i, im in images.items():
        w, h, s = im["width"], im["height"], stem[i]
        with open(os.path.join(out, "yolo/images/val", s + ".png"), "wb") as f:
            f.write(png_header(w, h))
        with open(os.path.join(out, "yolo/labels/val", s + ".txt"), "w") as f:
            for a in by_image[i]:
                if a.get("iscrowd"):
                    continue
                x, y, bw, bh = a["bbox"]
                f.write("%d %.6f %.6f %.6f %.6f\n" % (index[a["category_id"]], (x + bw / 2) / w, (y + bh / 2) / h, bw / w, bh / h))
        with open(os.path.join(out, "yolo-preds", s + ".txt"), "w") as f:
            for d in preds[i]:
                x, y, bw, bh = d["bbox"]
                f.write("%d %.6f %.6f %.6f %.6f %.5f\n" % (index[d["category_id"]], (x + bw / 2) / w, (y + bh / 2) / h,
                                                         bw / w, bh / h, d["score"]))
        objects = "".join(
            "\t<object>\n\t\t<name>%s</name>\n\t\t<pose>Unspecified</pose>\n\t\t<truncated>0</truncated>\n"
            "\t\t<difficult>%d</difficult>\n\t\t<bndbox>\n\t\t\t<xmin>%.1f</xmin>\n\t\t\t<ymin>%.1f</ymin>\n"
            "\t\t\t<xmax>%.1f</xmax>\n\t\t\t<ymax>%.1f</ymax>\n\t\t</bndbox>\n\t</object>\n"
            % (names[a["category_id"]], a.get("iscrowd", 0), a["bbox"][0], a["bbox"][1],
               a["bbox"][0] + a["bbox"][2], a["bbox"][1] + a["bbox"][3]) for a in by_image[i])
        with open(os.path.join(out, "voc/Annotations", s + ".xml"), "w") as f:
            f.write("<annotation>\n\t<folder>val</folder>\n\t<filename>%s</filename>\n\t<size>\n\t\t<width>%d</width>\n"
                    "\t\t<height>%d</height>\n\t\t<depth>3</depth>\n\t</size>\n%s</annotation>\n"
                    % (im["file_name"], w, h, objects))
    open(os.path.join(out, "done"), "w").close()


def run(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), err))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--small", action="store_true")
    ap.add_argument("--images", type=int, default=None)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--data-dir", default=os.path.join(ROOT, "bench-data"), help="where the generated files go")
    args = ap.parse_args()
    gt, dt = benchmark.generate(args.data_dir, small=args.small, images=args.images)
    out = os.path.join(os.path.dirname(gt), "formats")
    convert(gt, dt, out)
    if not args.no_build:
        subprocess.run(benchmark.RELEASE_BUILD + ["--product", "evalsh"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    evalsh = os.path.join(ROOT, ".build", "release", "evalsh")
    files = len(os.listdir(os.path.join(out, "yolo-preds")))
    print("%d images; %d YOLO label files + %d prediction files; %d VOC XML files" % (
        files, len(os.listdir(os.path.join(out, "yolo/labels/val"))), files,
        len(os.listdir(os.path.join(out, "voc/Annotations")))))
    cases = [
        ("COCO gt.json + dt.json", [gt, dt]),
        ("YOLO data.yaml + yolo-preds/", [os.path.join(out, "yolo/data.yaml"), os.path.join(out, "yolo-preds")]),
        ("YOLO labels/ + yolo-preds/", [os.path.join(out, "yolo/labels/val"), os.path.join(out, "yolo-preds")]),
        ("VOC Annotations/ + yolo-preds/", [os.path.join(out, "voc"), os.path.join(out, "yolo-preds")]),
    ]
    print("%-32s %8s %8s %9s" % ("load (whole process)", "wall s", "cpu s", "peak MiB"))
    for name, paths in cases:
        runs = [run([evalsh, "-n"] + paths + ["-c", "evals"]) for _ in range(args.runs)]
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        mem = max(r[2] for r in runs)
        print("%-32s %8.2f %8.2f %9.0f" % (name, wall, cpu, mem), flush=True)


if __name__ == "__main__":
    main()
