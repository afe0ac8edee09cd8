#!/usr/bin/env python3
"""Builds cmap-resources.bin, the predefined CMaps and CID → Unicode tables that
unpara-pdf bundles (src/font/predefined.rs reads it).

Source: Adobe's cmap-resources (BSD-3-Clause, see LICENSE-cmap-resources) as Debian's
poppler-data package installs them: /usr/share/poppler/cMap. The CID → Unicode table of
a character collection is Adobe's `<Registry>-<Ordering>-UCS2` CMap (CIDs as 2-byte
codes, bfchar/bfrange to UTF-16). poppler-data's own cidToUnicode files are GPL-2 and are
not used.

Format: the magic b"UNPCMAP1", then entries, each: name length (u8), name (ASCII:
"cmap/<CMap name>" or "cid2unicode/<Registry>-<Ordering>"), data length (u32 LE), data
(zlib). Entries are compressed one by one so a reader inflates only what a document uses.

Kept: every CMap of Adobe-GB1, Adobe-CNS1, Adobe-Japan1 and Adobe-Korea1 except the
CID → CID/Unicode helper maps (Adobe-*, UCS2-*, *-UCS2, *-UCS2C) and the UTF-8/UTF-32
variants (PDF producers use the UCS2/UTF16 ones).

Usage: python3 bundle.py [POPPLER_DATA_DIR]   (run from this folder)
"""
import os
import struct
import sys
import zlib

root = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/poppler"
COLLECTIONS = ["Adobe-GB1", "Adobe-CNS1", "Adobe-Japan1", "Adobe-Korea1"]


def kept(name):
    return not (name.startswith(("Adobe-", "UCS2-")) or "UTF8" in name or "UTF32" in name
                or name.endswith(("UCS2", "UCS2C")))


entries = []
for coll in COLLECTIONS:
    folder = os.path.join(root, "cMap", coll)
    for name in sorted(os.listdir(folder)):
        if kept(name):
            with open(os.path.join(folder, name), "rb") as f:
                entries.append(("cmap/" + name, f.read()))
    with open(os.path.join(folder, coll + "-UCS2"), "rb") as f:
        entries.append(("cid2unicode/" + coll, f.read()))

out = bytearray(b"UNPCMAP1")
for name, data in entries:
    packed = zlib.compress(data, 9)
    out += bytes([len(name)]) + name.encode("ascii") + struct.pack("<I", len(packed)) + packed
with open("cmap-resources.bin", "wb") as f:
    f.write(out)
print(f"{len(entries)} entries, {len(out)} bytes")
