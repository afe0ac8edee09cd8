#!/usr/bin/env python3
"""Check generated layouts against their truth.json, and (optionally) report what the
current unpara makes of them.

  python3 tools/typeset/check.py fixtures/layouts [--unpara target/release/unpara] [--udhr-dir DIR]

Per PDF (every language of the truth): every block's text is there (pdftotext; Arabic
normalised, poppler's order reported, see README.md), every footnote text, every furniture
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
import unicodedata

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


# Arabic as pdftotext gives it: its bidi embedding marks (U+202A-U+202C) around runs, the
# harakat (and a tanwin with its alef) and the shadda often out of place or a line apart,
# LibreOffice's kashida justification as spaces inside words, presentation forms; and
# within a line poppler may order the runs of mixed direction (digits, `(د-3)`, `1948.`)
# or the pieces of a line otherwise than the text.
RTL_DROP = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u0640\u064b-\u065f\u0670]")
ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def rtl_norm(s: str, tanwin: bool = False) -> str:
    """Text squashed for comparison: NFKC, no bidi marks, tatweel or harakat, no spaces;
    with `tanwin` also no tanwin fath with its alef (`اً`: poppler may put it a line
    apart from its word, or the tanwin within it)."""
    s = unicodedata.normalize("NFKC", s)
    if tanwin:
        s = re.sub("\u0627\u064b|\u064b\u0627", "", s)
    return squash(RTL_DROP.sub("", s))


def rtl_letters(s: str, tanwin: bool = False) -> str:
    return "".join(ARABIC_WORD.findall(rtl_norm(s, tanwin)))


def in_pieces(word: str, text: str) -> bool:
    """The word is in the text, or in two pieces of at least two letters each (poppler
    may put the two ends of a word in different runs of its line)."""
    return word in text or any(word[:k] in text and word[k:] in text for k in range(2, len(word) - 1))


def check_rtl(pdf: str, lang: str, tr: dict, udhr_dir: str):
    """The block and furniture checks for right-to-left text. A block is found when its
    beginning and end are in the normalised text (or, with letters only, without the
    digits and punctuation that poppler may move within a line); else when every Arabic
    word of it is there: then only poppler's order differs (reported, not a failure);
    else it is missing (a failure). -> (problems, order_notes)"""
    problems, order = [], []
    raw = "".join(pdftext_pages(pdf))
    text = rtl_norm(raw)
    letters = {t: rtl_letters(raw, t) for t in (False, True)}
    missing = []
    for label, body, ref in blocks_for(tr["text"], lang, udhr_dir):
        n, l = rtl_norm(body), rtl_letters(body)
        if (n[:24] in text or l[:20] in letters[False]) and (n[-16:] in text or l[-12:] in letters[False]):
            continue
        words = zip(*(ARABIC_WORD.findall(" ".join(rtl_norm(w, t) for w in body.split())) for t in (False, True)))
        lost = [w for w, wt in words if not any(in_pieces(x, letters[t]) for x, t in ((w, False), (wt, True)))]
        if lost:
            missing.append(f"{ref} ({' '.join(lost[:3])})")
        else:
            order.append(str(ref))
    if missing:
        problems.append(f"{len(missing)} blocks not found: {missing[:6]}")
    for f in tr["furniture"][lang]:
        if not any(rtl_norm(x) in text for x in (f, " ".join(reversed(f.split())))):
            problems.append(f"furniture '{f}' not found")
    return problems, order


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
    rtl = lang in texts.RTL_LANGS
    order = []
    if rtl:
        probs, order = check_rtl(pdf, lang, tr, udhr_dir)
        problems += probs
    for label, body, ref in ([] if rtl else blocks_for(tr["text"], lang, udhr_dir)):
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
    for s in ([] if rtl else tr["furniture"][lang]):
        if squash(s) not in allsq and squash(s) not in texts_sq[1]:
            problems.append(f"furniture '{s}' not found")
    res = {"problems": problems, "spills": spills}
    if rtl:
        res["rtl_order"] = order
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
        langs = [x for x in ("en", "zh") if x in tr["pages"]] + [x for x in tr["pages"] if x not in ("en", "zh")]
        for lang in langs:
            r = check_pdf(os.path.join(a.folder, lid), lang, tr, a.udhr_dir, a.unpara)
            report[f"{lid}/{lang}"] = r
            probs = r["problems"] + r.get("measure_problems", [])
            if probs:
                ok = False
            u = r.get("unpara", {})
            status = "ok" if not probs else "; ".join(probs)
            if r.get("rtl_order"):
                status += (f" (pdftotext's order differs from the text's in {len(r['rtl_order'])} blocks, "
                           f"all words there: {', '.join(r['rtl_order'][:8])})")
            rows.append((lid, lang, tr["pages"][lang], status,
                         ", ".join(r["spills"]) or "-", r.get("measured", {}), u))
        for lang, why in tr.get("skipped", {}).items():
            rows.append((lid, lang, None, f"not typeset: {why}", None, {}, {}))
    for lid, lang, pages, status, spills, meas, u in rows:
        if pages is None:
            print(f"{lid:24} {lang}   -   {status}")
            continue
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
