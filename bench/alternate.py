#!/usr/bin/env python3
"""Whole-process runs of one or more evalsh binaries, alternating, on the same data: for comparing
builds on a noisy machine (the minimum and the lower quartile move least).

    python3 bench/alternate.py --runs 15 --data-dir bench-data/default-5000 OLD_EVALSH NEW_EVALSH

Each run is `EVALSH GT DT -c summary --format json`; prints min, p25 and median wall time in ms.
"""
import argparse
import os
import statistics
import subprocess
import time


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binaries", nargs="+")
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--data-dir", required=True, help="folder with gt.json and dt.json")
    a = ap.parse_args()
    gt, dt = os.path.join(a.data_dir, "gt.json"), os.path.join(a.data_dir, "dt.json")
    walls = {b: [] for b in a.binaries}
    for _ in range(a.runs):
        for b in a.binaries:
            start = time.perf_counter()
            subprocess.run([b, gt, dt, "-c", "summary", "--format", "json"], stdout=subprocess.DEVNULL, check=True)
            walls[b].append((time.perf_counter() - start) * 1000)
    for b, v in walls.items():
        v.sort()
        print(f"{b}: min {v[0]:.1f}  p25 {v[len(v) // 4]:.1f}  median {statistics.median(v):.1f} ms")


if __name__ == "__main__":
    main()
