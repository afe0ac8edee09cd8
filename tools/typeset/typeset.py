#!/usr/bin/env python3
"""Layout-matrix generator: typeset the same texts many ways, with a truth.json per layout.

  python3 tools/typeset/typeset.py --text cac --out fixtures/layouts [--only ID ...]
  python3 tools/typeset/typeset.py --text udhr --udhr-dir ../shared/corpus/udhr-xml \\
          --out target/layouts-udhr [--only ID ...] [--langs zh,en,ar,ru,fr,es]

Writes <out>/<id>/{zh.pdf,en.pdf,truth.json} (udhr: a <lang>.pdf for each of --langs,
default zh,en). Producers: LibreOffice, Typst, WeasyPrint and Chromium (Paged.js; needs
`npm ci --prefix tools/typeset/node` once, and /usr/bin/chromium). See README.md beside this file.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import geometry  # noqa: E402
import layouts  # noqa: E402
import texts  # noqa: E402
from geometry import Missing  # noqa: E402

REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
GOLD = os.path.join(REPO, "fixtures", "CAC_COSP_WG.4_2017_4", "gold.json")
LANGS = ("zh", "en")
CALL_NAMES = {"raised-small": "raised-small", "sup83": "super-83", "sups": "sups-glyph"}


def producers():
    import prod_chromium
    import prod_libreoffice
    import prod_typst
    import prod_weasyprint
    return {"libreoffice": prod_libreoffice, "typst": prod_typst, "weasyprint": prod_weasyprint,
            "chromium": prod_chromium}


def check_tools(lays, langs=LANGS):
    prods = producers()
    for name in sorted({lay["producer"] for lay in lays}):
        prods[name].check()
    for tool in ("pdfinfo",):
        if subprocess.run(["sh", "-c", f"command -v {tool}"], capture_output=True).returncode:
            raise Missing(f"{tool} is not installed: apt-get install poppler-utils")
    for lay in lays:
        for fam in (lay["latin_font"], lay["cjk_font"]):
            geometry.font_file(fam)
        geometry.metrics(lay["latin_font"])
        for lang in langs:
            if lang not in LANGS:
                fam = geometry.text_font(lay, lang)
                for style in ("Regular", "Bold"):
                    geometry.font_file(fam, style)
                geometry.metrics(fam)
    if "ar" in langs:
        geometry.font_file(geometry.ARABIC_FONT)  # (fonts-noto-core)


def skipped(lay: dict, lang: str):
    """Why a layout's producer does not typeset a language (None: it does)."""
    if lang in texts.RTL_LANGS:
        return getattr(producers()[lay["producer"]], "NO_RTL", None)
    return None


def normalise_pdf(path: str):
    """Make a PDF's bytes depend on its content only: fixed dates, /ID from a hash
    (same lengths, so the cross-reference offsets stay right)."""
    data = open(path, "rb").read()

    def date(m):
        s = m.group(0)
        inner = b"D:20170829000000Z"
        body = m.group(2)
        fixed = (inner + b"'" * len(body))[: len(body)] if len(body) >= len(inner) else body
        return m.group(1) + fixed + b")"

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()([^)]*)\)", date, data)
    data = re.sub(rb"/DocChecksum\s*/[0-9A-Fa-f]+", lambda m: re.sub(rb"[0-9A-Fa-f](?=[0-9A-Fa-f]*$)", b"0", m.group(0)), data)
    digest = hashlib.md5(re.sub(rb"/ID\s*\[[^\]]*\]", b"", data)).hexdigest().upper().encode()

    def ident(m):
        return re.sub(rb"<[0-9A-Fa-f]+>", lambda h: b"<" + (digest * 4)[: len(h.group(0)) - 2] + b">", m.group(0))

    data = re.sub(rb"/ID\s*\[[^\]]*\]", ident, data)
    open(path, "wb").write(data)


def page_count(path: str) -> int:
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def load(text: str, lang: str, lay: dict, udhr_dir: str):
    if text == "cac":
        return texts.load_cac(GOLD, lang, lay["extra_notes"])
    return texts.load_udhr(os.path.join(udhr_dir, f"{lang}.xml"), lang)


def furniture(text: str, lay: dict, doc, pages: int) -> list:
    g = lay
    out = []
    if text == "cac":
        f = doc.front
        if g["running_header"] and pages > 1:
            out.append(f["symbol"])
            if g.get("header_title"):
                out.append(f["short_title"])
        out += [f["job_line"], f["barcode"]]
        if pages > 1:
            out.append(f["job_number"])
        out += [geometry.pn_str(page_numbers(text, lay), n, pages, doc.lang) for n in range(2, pages + 1)]
    else:
        if g["running_header"] and g["udhr_header"] and pages > 1:
            out.append(doc.front["running"])
        out += [geometry.pn_str(page_numbers(text, lay), n, pages, doc.lang) for n in range(1, pages + 1)]
    return out


def page_numbers(text: str, lay: dict) -> str:
    """How the page numbers read: `pagenum`, else N/M (cac) or `udhr_pagenum` (udhr)."""
    return lay.get("pagenum") or ("N/M" if text == "cac" else lay["udhr_pagenum"])


def truth(text: str, lay: dict, g: dict, docs: dict, pdfs: dict, skips: dict = None) -> dict:
    langs = list(docs)  # the languages typeset, in texts.UDHR_LANGS order (zh, en first)
    pages = {lang: page_count(pdfs[lang]) for lang in langs}
    udhr = text == "udhr"
    running = bool(lay["running_header"]) and (not udhr or bool(lay["udhr_header"]))
    params = {
        "page": lay["page"],
        "width_pt": round(g["W"], 1),
        "height_pt": round(g["H"], 1),
        "body_pt": lay["body_pt"],
        "footnote_pt": lay["footnote_pt"],
        "line_spacing": lay["line_spacing"],
        "header_from_top_pct": lay["header_from_top_pct"] if running else None,
        "footer_from_bottom_pct": lay["footer_from_bottom_pct"],
        "running_header": running,
        "footnote_call": CALL_NAMES[lay["call"]],
        "separator": lay["separator"],
        "cjk_font": lay["cjk_font"],
        "latin_font": lay["latin_font"],
        "justified": lay["justified"],
        "masthead": "none" if udhr else lay["masthead"],
        "extra_footnotes": 0 if udhr else len(lay["extra_notes"]),
        "notes": describe(text, lay, langs),
    }
    others = [lang for lang in langs if lang not in LANGS]
    if others:  # (only with --langs beyond zh, en: the zh/en truth stays as it was)
        params["fonts"] = {lang: geometry.text_font(lay, lang) for lang in others}
        params["directions"] = {lang: "rtl" if lang in texts.RTL_LANGS else "ltr" for lang in others}
    if udhr:
        meta = {"symbol": None, "job_number": None, "distribution": None, "date": None,
                "original_language": None}
        notes = []
    else:
        meta = {"symbol": texts.SYMBOL,
                "job_number": {lang: docs[lang].front["job_number"] for lang in LANGS},
                "distribution": "General", "date": "2017-08-29", "original_language": "en"}
        notes = texts.cac_truth_notes(GOLD, lay["extra_notes"])
    return {
        "id": lay["id"],
        "text": text,
        "producer": lay["producer"],
        "params": params,
        "pages": pages,
        "furniture": {lang: furniture(text, lay, docs[lang], pages[lang]) for lang in langs},
        "metadata": meta,
        "footnotes": notes,
    } | ({"skipped": skips} if skips else {})


def describe(text: str, lay: dict, langs=LANGS) -> str:
    bits = [lay.get("notes", "")]
    sep = {"space": f"{lay['space_pt']} pt after, no indent", "indent": f"first-line indent {lay['indent_pt']} pt, no space",
           "both": f"{lay['space_pt']} pt after and first-line indent {lay['indent_pt']} pt"}[lay["para_sep"]]
    bits.append(f"paragraphs: {sep}")
    bits.append("paragraph numbers: " + {"hanging": "continuation lines under the text",
                                         "margin": "in the left margin, continuation lines at the left edge"}
                .get(lay["num_style"], "continuation lines at the left edge"))
    if lay.get("cjk_body_pt"):
        bits.append(f"zh: CJK runs {lay['cjk_body_pt']} pt, Latin runs {lay['body_pt']} pt")
    if lay["zh_latin_pt"]:
        bits.append(f"zh: Latin runs {lay['zh_latin_pt']} pt, CJK runs {lay['body_pt']} pt")
    hfont = {"italic": "italic, regular weight", "smallcaps": "small capitals, regular weight"}.get(lay["heading_font"])
    if text == "cac":
        bits.append(f"headings: {lay['heading_style']}" + (f" x{lay['heading_scale']}" if lay["heading_scale"] != 1 else "")
                    + (f", {hfont}" if hfont else ""))
        if lay.get("header_alternate") or lay.get("header_title"):
            bits.append("running header alternates sides on even/odd pages")
        if lay.get("footer_alternate"):
            bits.append("footer alternates sides")
        if lay["furniture_side"]:
            bits.append(f"header and footer on the {lay['furniture_side']} of every page")
        if lay["pagenum_in_header"]:
            bits.append("page number in the running header, opposite the symbol")
        if lay.get("pagenum"):
            bits.append(f"page numbers {lay['pagenum']}")
    else:
        bits.append(f"Article headings: {lay['article_heading']}")
        if lay["preamble_even"]:
            bits.append("preamble clauses: no indent, no space between them")
        if lay["udhr_breaks"]:
            bits.append("new page before Article " + ", ".join(map(str, lay["udhr_breaks"])))
        if hfont and lay["producer"] in ("weasyprint", "chromium"):
            bits.append(f"Article headings {hfont}")
        if lay["udhr_article_titles"]:
            bits.append("an italic short title line under each Article heading (not in the XML)"
                        + (" in zh and en only" if set(langs) - set(LANGS) else ""))
        if lay["furniture_side"]:
            bits.append(f"running title and page number on the {lay['furniture_side']}")
        bits.append(f"page numbers {page_numbers(text, lay)}")
    if lay["note_marker_raised"] and text == "cac":
        bits.append("note markers raised")
    if lay["line_spacing"] and lay["producer"] != "libreoffice":
        bits.append(f"baseline distance {1.2 * lay['line_spacing']:.2f} x body size")
    return "; ".join(b for b in bits if b)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--text", choices=["cac", "udhr"])
    ap.add_argument("--out")
    ap.add_argument("--udhr-dir", help="folder with the udhr-in-unicode <lang>.xml of each of --langs (--text udhr)")
    ap.add_argument("--only", nargs="+", metavar="ID")
    ap.add_argument("--langs", default=",".join(LANGS), metavar="L,L,...",
                    help="udhr: the languages to typeset, of " + ",".join(texts.UDHR_LANGS) +
                    " (default zh,en; cac: zh,en only)")
    ap.add_argument("--list", action="store_true", help="print the layout ids and exit")
    ap.add_argument("--workers", type=int, default=2,
                    help="WeasyPrint processes and Chromium tabs (default 2)")
    a = ap.parse_args(argv)

    lays = layouts.all_layouts()
    if a.list:
        print("\n".join(x["id"] for x in lays))
        return 0
    if not a.text or not a.out:
        ap.error("--text and --out are required")
    if a.only:
        unknown = set(a.only) - {x["id"] for x in lays}
        if unknown:
            ap.error("unknown layout id(s): " + ", ".join(sorted(unknown)))
        lays = [x for x in lays if x["id"] in a.only]
    langs = [x.strip() for x in a.langs.split(",") if x.strip()]
    bad = [x for x in langs if x not in texts.UDHR_LANGS]
    if bad or not langs:
        ap.error(f"--langs: unknown language(s) {', '.join(bad) or '(none given)'}; of {','.join(texts.UDHR_LANGS)}")
    langs = [x for x in texts.UDHR_LANGS if x in langs]  # one order, whatever the order given
    if a.text == "cac" and langs != list(LANGS):
        ap.error("--text cac is typeset in zh and en only (--langs zh,en)")
    if a.text == "udhr":
        if not a.udhr_dir:
            ap.error("--text udhr needs --udhr-dir")
        for lang in langs:
            p = os.path.join(a.udhr_dir, f"{lang}.xml")
            if not os.path.isfile(p):
                ap.error(f"{p}: not found")
    try:
        check_tools(lays, langs)
    except Missing as e:
        print(f"typeset: {e}", file=sys.stderr)
        return 2

    t0 = time.time()
    prods = producers()
    jobs = {}  # producer -> [(g, doc, pdf)]
    plan = []
    for lay in lays:
        g = geometry.resolve(lay)
        docs, pdfs, skips = {}, {}, {}
        for lang in langs:
            why = skipped(lay, lang)
            if why:
                print(f"typeset: {lay['id']}: {lang} not typeset: {why}", file=sys.stderr)
                skips[lang] = why
                continue
            docs[lang] = load(a.text, lang, lay, a.udhr_dir)
            pdfs[lang] = os.path.join(a.out, lay["id"], f"{lang}.pdf")
            jobs.setdefault(lay["producer"], []).append((g, docs[lang], pdfs[lang]))
        plan.append((lay, g, docs, pdfs, skips))

    errors = []

    def run(name):
        try:
            t = time.time()
            if name in ("weasyprint", "chromium"):
                prods[name].render(jobs[name], a.workers)
            else:
                prods[name].render(jobs[name])
            print(f"typeset: {name}: {len(jobs[name])} PDFs in {time.time() - t:.1f} s", file=sys.stderr)
        except Exception as e:  # reported below, non-zero exit
            import traceback
            traceback.print_exc()
            errors.append(f"{name}: {e!r}")

    threads = []
    if "libreoffice" in jobs:  # soffice runs in its own process: overlap it with the others
        th = threading.Thread(target=run, args=("libreoffice",))
        th.start()
        threads.append(th)
    for name in ("typst", "weasyprint", "chromium"):
        if name in jobs:
            run(name)
    for th in threads:
        th.join()
    if errors:
        for e in errors:
            print(f"typeset: {e}", file=sys.stderr)
        return 1

    n_pdfs = 0
    for lay, g, docs, pdfs, skips in plan:
        finish = getattr(prods[lay["producer"]], "finish", None)
        for lang in docs:
            n_pdfs += 1
            normalise_pdf(pdfs[lang])
            if finish:  # a producer's rewrite of its PDFs (the dates are fixed by then)
                finish(pdfs[lang])
                normalise_pdf(pdfs[lang])
        tr = truth(a.text, lay, g, docs, pdfs, skips)
        with open(os.path.join(a.out, lay["id"], "truth.json"), "w", encoding="utf-8") as fh:
            json.dump(tr, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        print(f"{lay['id']}: " + ", ".join(f"{lang} {n} pages" for lang, n in tr["pages"].items()), file=sys.stderr)
    print(f"typeset: {len(plan)} layouts, {n_pdfs} PDFs in {time.time() - t0:.1f} s -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
