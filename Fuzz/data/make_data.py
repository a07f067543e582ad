"""Cuts the fuzzing data set out of Examples/coco-small: the first 6 images, their ground truth
and predictions, and every category they use. Run from the repository root:
    python3 Fuzz/data/make_data.py
"""
import json

gt = json.load(open("Examples/coco-small/gt.json"))
preds = json.load(open("Examples/coco-small/predictions.json"))
cand = json.load(open("Examples/coco-small/candidate.json"))
images = gt["images"][:6]
ids = {im["id"] for im in images}
anns = [a for a in gt["annotations"] if a["image_id"] in ids]
used = {a["category_id"] for a in anns}
cats = [c for c in gt["categories"] if c["id"] in used]
small = {"images": images, "annotations": anns, "categories": cats}
json.dump(small, open("Fuzz/data/gt.json", "w"))
for name, dets in (("predictions", preds), ("candidate", cand)):
    kept = [d for d in dets if d["image_id"] in ids and d["category_id"] in used]
    json.dump(kept, open(f"Fuzz/data/{name}.json", "w"))
