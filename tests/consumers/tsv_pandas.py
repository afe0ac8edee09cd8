"""Reads tab-separated bitexts the way OpusFilter and hunalign users load them into
pandas (`read_csv(sep="\\t", header=None, quoting=csv.QUOTE_NONE)`: no quoting, one
record per line, three columns) and prints {"rows": N, "columns": N, "scores_numeric":
bool, "first": [zh, en, score], "max_score": x, "min_score": x} as JSON.
Usage: python3 tsv_pandas.py FILE.tsv..."""
import csv
import json
import sys

import pandas as pd

frames = [
    pd.read_csv(
        f,
        sep="\t",
        header=None,
        names=["zh", "en", "score"],
        quoting=csv.QUOTE_NONE,
        keep_default_na=False,
        dtype={"zh": str, "en": str},
        encoding="utf-8",
        on_bad_lines="error",
    )
    for f in sys.argv[1:]
]
df = pd.concat(frames, ignore_index=True)
print(json.dumps({
    "rows": int(len(df)),
    "columns": int(df.shape[1]),
    "scores_numeric": bool(pd.api.types.is_float_dtype(df["score"])),
    "first": [df.iloc[0]["zh"], df.iloc[0]["en"], float(df.iloc[0]["score"])],
    "min_score": float(df["score"].min()),
    "max_score": float(df["score"].max()),
}, ensure_ascii=False))
