"""Reads an XCES alignment and its sentence documents with OPUS's own reader
(opustools' OpusRead, what `opus_read -p raw -af ALIGNMENT` runs) and prints the pairs
as JSON lines: {"src": [...], "trg": [...]}, one per link, texts of the sentences.
Usage: python3 xces_opus.py ALIGNMENT.xces SRC_LANG TRG_LANG"""
import json
import os
import sys
import tempfile

from opustools import OpusRead

alignment, src, trg = sys.argv[1:4]
folder = os.path.dirname(os.path.abspath(alignment))
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "pairs.txt")
    OpusRead(
        directory="unpara",
        source=src,
        target=trg,
        preprocess="raw",
        alignment_file=alignment,
        download_dir=folder,
        write=[out],
        write_mode="normal",
        suppress_prompts=True,
    ).printPairs()
    text = open(out, encoding="utf-8").read()
# normal mode: blocks separated by a line of '=', lines (src)="id">text / (trg)="id">text
for block in text.split("================================"):
    pair = {"src": [], "trg": []}
    for line in block.splitlines():
        for side in ("src", "trg"):
            head = f'({side})="'
            if line.startswith(head):
                pair[side].append(line.split('">', 1)[1] if '">' in line else "")
    if pair["src"] or pair["trg"]:
        print(json.dumps(pair, ensure_ascii=False))
