"""Loads JSON Lines files with Hugging Face datasets (`load_dataset("json", ...)`, what
translation recipes run) and prints {"rows": N, "features": [...], "groups": [...],
"first_translation": {...}} as JSON. Usage: python3 jsonl_datasets.py FILE.jsonl..."""
import json
import sys

import datasets

datasets.disable_progress_bars()
ds = datasets.load_dataset("json", data_files=sys.argv[1:], split="train")
print(json.dumps({
    "rows": ds.num_rows,
    "features": sorted(ds.features.keys()),
    "groups": sorted(set(ds["group"])),
    "first_translation": ds[0]["translation"],
}, ensure_ascii=False))
