"""Chromium producer: the WeasyPrint HTML/CSS (margin boxes, `float: footnote`) laid out
by Paged.js (npm `pagedjs` 0.4.3) inside headless Chromium, printed by `node/print.js`
(puppeteer-core's page.pdf). Paged.js turns @page rules and margin boxes into page boxes
and moves `float: footnote` elements into each page's footnote area.

Chromium's PDFs hold every CJK glyph of a CFF font (Noto CJK) and every synthesized-bold
glyph as a Type 3 font of its own, each with a 256-entry /Widths array: `finish` rewrites
them with qpdf into object streams (lossless: same objects, same content streams), which
takes a third off the zh files set in Noto CJK.

Needs Chromium (Debian: `apt-get install chromium`; another binary with $CHROMIUM), qpdf,
and Node with the packages of node/package-lock.json: `npm ci --prefix tools/typeset/node`."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile

from geometry import Missing
from prod_weasyprint import HTML_LANG, WP, pt

HERE = os.path.dirname(os.path.abspath(__file__))
NODE_DIR = os.path.join(HERE, "node")
PRINT_JS = os.path.join(NODE_DIR, "print.js")
PAGED = os.path.join(NODE_DIR, "node_modules", "pagedjs", "dist", "paged.polyfill.js")
PUPPETEER = os.path.join(NODE_DIR, "node_modules", "puppeteer-core")
CHROME = os.environ.get("CHROMIUM", "/usr/bin/chromium")
NPM_CI = "npm ci --prefix tools/typeset/node"


# Run once Paged.js has laid out every page, before printing:
# * Paged.js names each note `note-<random UUID>` and links its call there; the PDF keeps
#   those names (link destinations), so they become note-1, note-2, ... in document order:
#   the same input then prints the same bytes;
# * each margin box (running header, footer) is moved so that its first line's baseline
#   lies where the layout says (`--base`, from the box's top edge): Chromium's line boxes
#   use font ascents and descents rounded to whole pixels, which puts furniture up to a
#   point off. A probe line with the box's text and font, ending in an empty inline-block
#   (whose top is the baseline), measures where the baseline falls. (Chromium then prints
#   every baseline at a whole pixel, 0.75 pt: the furniture is within 0.375 pt.)
AFTER = r"""window.PagedConfig = { auto: true, after: () => {
  const names = {};
  document.querySelectorAll('[id^="note-"]').forEach((n, i) => { names[n.id] = 'note-' + (i + 1); n.id = names[n.id]; });
  document.querySelectorAll('a[href^="#note-"]').forEach(a => {
    const to = names[a.getAttribute('href').slice(1)];
    if (to) a.setAttribute('href', '#' + to);
  });
  const unescape = t => t.slice(1, -1).replace(/\\([0-9a-fA-F]{1,6}) ?/g, (_, h) => String.fromCodePoint(parseInt(h, 16)))
                                      .replace(/\\(.)/g, '$1');
  document.querySelectorAll('.pagedjs_margin.hasContent').forEach(m => {
    const want = parseFloat(getComputedStyle(m).getPropertyValue('--base'));
    const c = m.querySelector('.pagedjs_margin-content');
    if (isNaN(want) || !c) return;
    const cs = getComputedStyle(c, '::after');
    const parts = cs.content.match(/"(?:[^"\\]|\\.)*"|counters?\([^)]*\)/g) || [];
    const text = parts.map(t => t[0] === '"' ? unescape(t) : '0').join('').split('\n')[0];
    const probe = document.createElement('div');
    for (const k of ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontFeatureSettings',
                     'lineHeight', 'letterSpacing']) probe.style[k] = cs[k];
    probe.style.whiteSpace = 'pre';
    probe.textContent = text || 'X';
    const mark = document.createElement('span');
    mark.style.cssText = 'display: inline-block; width: 0; height: 0;';
    probe.appendChild(mark);
    c.insertBefore(probe, c.firstChild);
    const got = mark.getBoundingClientRect().top - m.getBoundingClientRect().top;
    probe.remove();
    c.style.position = 'relative';
    c.style.top = (want * 96 / 72 - got) + 'px';
  });
  window.__pagedDone = true;
} };"""


class CH(WP):
    RTL_WORKAROUNDS = False  # Chromium lays out RTL paragraphs by the CSS (text-indent at the right)

    def box(self, name, content, size, base_from_box_top, bold=True, extra="", family=None):
        """WeasyPrint's margin box, with the baseline it should have for AFTER."""
        rule = super().box(name, content, size, base_from_box_top, bold, extra, family)
        return rule[: rule.rindex("}")] + f"--base: {pt(base_from_box_top)}; }}"

    def css(self) -> str:
        g = self.g
        body, fn = g["body_pt"], g["footnote_pt"]
        base = "\n".join(l for l in super().css().split("\n") if not l.startswith(".fn::footnote-"))
        # Paged.js: the call is [data-footnote-call]::after, the marker a list-item ::marker
        callsz = {"raised-small": 0.58, "sup83": 0.83, "sups": 1.0}[g["call"]]
        if g["call"] == "sups":
            call = f'font-variant-position: super; font-feature-settings: "sups" 1; vertical-align: baseline; font-size: {pt(body)};'
        else:
            call = f"font-variant-position: normal; vertical-align: super; font-size: {pt(body * callsz)};"
        base += f"""
.pagedjs_area [data-footnote-call]::after {{ content: counter(footnote); {call} line-height: 0; }}
.pagedjs_footnote_area [data-footnote-marker] {{ display: list-item; list-style-position: inside; padding-left: {pt(g['ni'] * 0.6)}; text-indent: {pt(-g['ni'] * 0.6)}; }}
.pagedjs_footnote_area [data-footnote-marker]::before {{ content: none !important; }}
[data-footnote-marker]::marker {{ content: counter(footnote-marker) "\\2002"; font-size: {pt(fn)}; }}
.pagedjs_first_page .pagedjs_margin-bottom-left {{ white-space: pre !important; }}
"""
        return base

    def html(self) -> str:
        lang = HTML_LANG[self.doc.lang]
        return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title></title>'
                f'<style>{self.css()}</style>'
                f'<script>{AFTER}</script>'
                f'<script src="file://{PAGED}"></script></head><body>{self.body()}</body></html>')


def check():
    if not os.path.exists(CHROME):
        raise Missing(f"{CHROME}: Chromium is not installed: apt-get install chromium (or set $CHROMIUM)")
    if not shutil.which("node"):
        raise Missing("node is not installed: apt-get install nodejs npm")
    if not (os.path.exists(PAGED) and os.path.isdir(PUPPETEER)):
        raise Missing(f"Paged.js and puppeteer-core are not installed in {NODE_DIR}: {NPM_CI}")
    if not shutil.which("qpdf"):
        raise Missing("qpdf is not installed: apt-get install qpdf")


def finish(path: str):
    """Called on each PDF after its dates are fixed: object streams, Flate at level 9."""
    tmp = path + ".qpdf"
    r = subprocess.run(["qpdf", "--object-streams=generate", "--compression-level=9", "--recompress-flate",
                        "--deterministic-id", path, tmp], capture_output=True, text=True)
    if r.returncode != 0:  # 3: warnings, but qpdf still wrote the file: refuse it all the same
        raise RuntimeError(f"qpdf {path}: exit {r.returncode}: {r.stderr.strip()[:300]}")
    os.replace(tmp, path)


def page_size(pdf: str) -> tuple:
    out = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", out)
    return float(m.group(1)), float(m.group(2))


def render(jobs: list, workers: int = 2):
    """All documents in one Chromium (puppeteer-core): print each document once Paged.js
    reports it has laid out all of it; then check the paper size of every PDF."""
    check()
    tmp = tempfile.mkdtemp(prefix="typeset-ch-")
    try:
        todo = []
        for i, (g, doc, out) in enumerate(jobs):
            # Chromium takes the PDF's /Title from the file name (the <title> is empty):
            # zh.html or en.html, whichever documents are printed together
            os.makedirs(os.path.join(tmp, str(i)))
            src = os.path.join(tmp, str(i), f"{doc.lang}.html")
            with open(src, "w", encoding="utf-8") as fh:
                fh.write(CH(g, doc).html())
            os.makedirs(os.path.dirname(out), exist_ok=True)
            todo.append([src, os.path.abspath(out)])
            if os.environ.get("TYPESET_KEEP_SOURCES"):
                shutil.copy(src, out[:-4] + ".html")
        jf = os.path.join(tmp, "jobs.json")
        json.dump(todo, open(jf, "w"))
        subprocess.run(["node", PRINT_JS, jf, os.path.join(tmp, "profile"), CHROME, str(workers)],
                       check=True, timeout=1800, cwd=NODE_DIR)
        for g, _doc, out in jobs:
            w, h = page_size(out)
            if abs(w - g["W"]) > 0.01 or abs(h - g["H"]) > 0.01:
                raise RuntimeError(f"{out}: Chromium printed {w} x {h} pt, not {g['W']} x {g['H']}: "
                                   f"fix geometry.CHROMIUM_PAGES['{g['page']}']")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
