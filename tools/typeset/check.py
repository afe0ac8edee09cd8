#!/usr/bin/env python3
"""Check generated layouts against their truth.json, and (optionally) report what the
current unpara makes of them.

  python3 tools/typeset/check.py fixtures/layouts [--unpara target/release/unpara] [--udhr-dir DIR]

Per PDF: every block's text is there (pdftotext), every footnote text, every furniture
string; page count and size; with --unpara also the measured header/footer baselines
(`unpara text --json`) against the truth percentages, and `unpara extract`'s paragraph,
footnote and metadata counts. Exit 1 when a check fails (the unpara results are only
reported, never judged).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import texts  # noqa: E402

GOLD = os.path.join(HERE, "..", "..", "fixtures", "CAC_COSP_WG.4_2017_4", "gold.json")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def pdftext_pages(pdf: str, mode: str = "-layout") -> list:
    out = subprocess.run(["pdftotext", mode, "-enc", "UTF-8", pdf, "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")


def page_size(pdf: str):
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out)
    return float(m.group(1)), float(m.group(2))


def blocks_for(text: str, lang: str, udhr_dir: str):
    if text == "cac":
        gold = json.load(open(GOLD, encoding="utf-8"))
        return [(b["label"][lang] or "", b[lang], b["id"]) for b in gold["blocks"]]
    doc = texts.load_udhr(os.path.join(udhr_dir, f"{lang}.xml"), lang)
    return [(b.label or "", b.plain(), b.ref) for b in doc.blocks]


def find_page(pages_sq: list, needle: str, start: int = 1):
    for i, p in enumerate(pages_sq):
        if i + 1 >= start and needle in p:
            return i + 1
    return None


def call_contexts(tr: dict, lang: str) -> dict:
    """marker -> the text right before the call, with the call (squashed)."""
    if tr["text"] != "cac":
        return {}
    import layouts
    lay = {x["id"]: x for x in layouts.all_layouts()}.get(tr["id"])
    if lay is None:
        return {}
    doc = texts.load_cac(GOLD, lang, lay["extra_notes"])
    out = {}
    for b in doc.blocks:
        prev = ""
        for seg in b.segments:
            if isinstance(seg, texts.Note):
                out[seg.marker] = squash(prev)[-10:] + seg.marker
                prev += seg.marker
            else:
                prev += seg
    return out


def check_pdf(folder: str, lang: str, tr: dict, udhr_dir: str, unpara: str | None) -> dict:
    pdf = os.path.join(folder, f"{lang}.pdf")
    problems = []
    pages = pdftext_pages(pdf)
    pages_sq = [squash(p) for p in pages]
    allsq = "".join(pages_sq)
    n_pages = len([p for p in pages if p.strip()])
    if n_pages != tr["pages"][lang]:
        problems.append(f"pages: pdftotext sees {n_pages}, truth {tr['pages'][lang]}")
    w, h = page_size(pdf)
    if abs(w - tr["params"]["width_pt"]) > 0.6 or abs(h - tr["params"]["height_pt"]) > 0.6:
        problems.append(f"page size {w}x{h} vs truth")
    # every block: label + its beginning, and its end
    furn = sorted({squash(x) for x in tr["furniture"][lang]}, key=len, reverse=True)

    def defurnish(p):
        for x in furn:
            p = p.replace(x, "")
        return p

    body_sq = [defurnish(p) for p in pages_sq]
    bodysq = "".join(body_sq)
    # the text in content-stream order too: -layout puts a line whose glyphs overlap (a
    # compressed `“《`, a narrow column's wrapped URL) in pieces, out of order
    raw_sq = [squash(p) for p in pdftext_pages(pdf, "-raw")]
    raw_body = [defurnish(p) for p in raw_sq]
    texts_sq = (allsq, "".join(raw_sq), bodysq, "".join(raw_body))
    missing = []
    nodig = re.sub(r"\d", "", allsq)  # footnote calls are digits inside the text
    for label, body, ref in blocks_for(tr["text"], lang, udhr_dir):
        head = squash(body)[:24]
        tail = squash(body)[-16:]
        if not any(x in t for t in texts_sq[:2] for x in (squash(label) + head, head)):
            missing.append(f"{ref} start")
        elif re.sub(r"\d", "", tail) not in nodig and not any(x in t for t in texts_sq for x in (tail, tail[-12:])):
            # (a last line alone on the next page has the furniture and notes before it)
            missing.append(f"{ref} end")
    if missing:
        problems.append(f"{len(missing)} blocks not found: {missing[:6]}")
    # footnotes: beginning and end, and on which page each lies; the call's page
    spills = []
    calls = call_contexts(tr, lang)
    for fn in tr["footnotes"]:
        t = squash(fn[lang])
        # the note texts of extra notes are copies of later paragraphs: look for the
        # marker right before the beginning, and for the end from that page on
        for pg in (pages_sq, raw_sq):
            p0 = find_page(pg, fn["marker"] + t[:30]) or find_page(pg, t[:30])
            p1 = find_page(pg, t[-20:], p0 or 1)
            if p0 is not None and p1 is not None:
                break
        if p0 is None or p1 is None:
            problems.append(f"footnote {fn['marker']} text not found")
        else:
            if p1 != p0:
                spills.append(f"{fn['marker']}: p{p0}->p{p1}")
            ctx = calls.get(fn["marker"])
            pc = None
            # (the context may begin on the page before: then its end alone)
            for c in ((ctx, ctx[-6:]) if ctx else ()):
                pc = find_page(body_sq, c) or find_page(raw_body, c)
                if pc is not None:
                    break
            if ctx and pc is None:
                problems.append(f"footnote call {fn['marker']} not found")
            elif pc is not None and pc != p0:
                problems.append(f"footnote {fn['marker']} called on page {pc}, its text starts on page {p0}")
    # furniture
    for s in tr["furniture"][lang]:
        if squash(s) not in allsq and squash(s) not in texts_sq[1]:
            problems.append(f"furniture '{s}' not found")
    res = {"problems": problems, "spills": spills}
    if unpara:
        res.update(measure(pdf, tr, lang, unpara))
        res.update(extract(pdf, tr, unpara))
    return res


def measure(pdf: str, tr: dict, lang: str, unpara: str) -> dict:
    out = subprocess.run([unpara, "text", "--json", pdf], capture_output=True, text=True)
    if out.returncode:
        return {"measure": "unpara text failed"}
    d = json.loads(out.stdout)
    H = d["pages"][0]["height"]
    prm = tr["params"]
    got = {}
    probs = []
    # page 2 (or the last): the header line and the footer line
    p = d["pages"][1] if len(d["pages"]) > 1 else d["pages"][0]
    lines = p["lines"]
    top = max(lines, key=lambda x: x["baseline"])
    bot = min(lines, key=lambda x: x["baseline"])
    got["header_pct"] = round((H - top["baseline"]) / H * 100, 2)
    got["footer_pct"] = round(bot["baseline"] / H * 100, 2)
    if prm["header_from_top_pct"] is not None and abs(got["header_pct"] - prm["header_from_top_pct"]) > 0.15:
        probs.append(f"header baseline at {got['header_pct']} % ('{top['text'][:20]}'), truth {prm['header_from_top_pct']}")
    if abs(got["footer_pct"] - prm["footer_from_bottom_pct"]) > 0.15:
        probs.append(f"footer baseline at {got['footer_pct']} % ('{bot['text'][:20]}'), truth {prm['footer_from_bottom_pct']}")
    if tr["text"] == "cac":
        p1 = d["pages"][0]["lines"]
        lo = sorted(p1, key=lambda x: x["baseline"])[:2]
        gap = (lo[1]["baseline"] - lo[0]["baseline"]) / H * 100
        got["job_gap_pct"] = round(gap, 2)
        if "*" not in lo[0]["text"] or abs(gap - 1.2) > 0.15:
            probs.append(f"page 1 footer: '{lo[0]['text'][:12]}' / '{lo[1]['text'][:12]}' gap {gap:.2f} %")
    return {"measured": got, "measure_problems": probs}


def extract(pdf: str, tr: dict, unpara: str) -> dict:
    out = subprocess.run([unpara, "extract", pdf], capture_output=True, text=True)
    if out.returncode:
        return {"unpara": {"error": out.stderr.strip()[:200]}}
    d = json.loads(out.stdout)
    kinds = {}
    for b in d["blocks"]:
        kinds[b["kind"]] = kinds.get(b["kind"], 0) + 1
    m = d["metadata"]
    return {"unpara": {"paragraphs": kinds.get("paragraph", 0), "headings": kinds.get("heading", 0),
                       "items": kinds.get("item", 0), "blocks": len(d["blocks"]),
                       "footnotes": len(d["footnotes"]), "footnotes_truth": len(tr["footnotes"]),
                       "job_number": m.get("job_number"), "date": m.get("date"),
                       "distribution": m.get("distribution"), "symbol": m.get("symbol")}}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--unpara")
    ap.add_argument("--udhr-dir")
    ap.add_argument("--json", help="write the full report here")
    a = ap.parse_args(argv)
    ok = True
    report = {}
    rows = []
    for lid in sorted(os.listdir(a.folder)):
        tp = os.path.join(a.folder, lid, "truth.json")
        if not os.path.isfile(tp):
            continue
        tr = json.load(open(tp, encoding="utf-8"))
        for lang in ("en", "zh"):
            r = check_pdf(os.path.join(a.folder, lid), lang, tr, a.udhr_dir, a.unpara)
            report[f"{lid}/{lang}"] = r
            probs = r["problems"] + r.get("measure_problems", [])
            if probs:
                ok = False
            u = r.get("unpara", {})
            rows.append((lid, lang, tr["pages"][lang], "ok" if not probs else "; ".join(probs),
                         ", ".join(r["spills"]) or "-", r.get("measured", {}), u))
    for lid, lang, pages, status, spills, meas, u in rows:
        line = f"{lid:24} {lang} {pages:3}p  {status}  spill[{spills}]"
        if meas:
            line += f"  hdr {meas.get('header_pct')} ftr {meas.get('footer_pct')} gap {meas.get('job_gap_pct', '-')}"
        if u:
            if "error" in u:
                line += f"  unpara: {u['error']}"
            else:
                line += (f"  unpara: para {u['paragraphs']} head {u['headings']} items {u['items']} "
                         f"fn {u['footnotes']}/{u['footnotes_truth']} job {u['job_number']} date {u['date']} "
                         f"distr {u['distribution']}")
        print(line)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as fh:
            json.dump(report, fh, ensure_ascii=False, indent=1)
    print("all checks passed" if ok else "CHECKS FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
