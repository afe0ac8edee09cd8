"""WeasyPrint producer: HTML + CSS Paged Media (margin boxes for the furniture,
`float: footnote` for footnotes, `@footnote` area with a full-width border-top)."""
from __future__ import annotations

import html
import os
import re
import shutil
import tempfile

from geometry import PAGE_WORD, Missing, metrics, text_font
from texts import LATIN_RUN, Note, article_title

HTML_LANG = {"zh": "zh-CN", "en": "en", "ar": "ar", "ru": "ru", "fr": "fr", "es": "es"}


def pn_css(fmt: str, lang: str) -> str:
    page = '"第 " counter(page) " 页"' if lang == "zh" else f'"{PAGE_WORD.get(lang, "Page")} " counter(page)'
    return {"N/M": 'counter(page) "/" counter(pages)', "-N-": '"- " counter(page) " -"',
            "Page N": page, "N": "counter(page)"}[fmt]


def e(t: str) -> str:
    return html.escape(t, quote=False)


def q(t: str) -> str:
    """A CSS string literal."""
    return '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'


def pt(v: float) -> str:
    return f"{v:.3f}pt"


def asc_desc(family: str) -> tuple:
    """Ascent/descent as Pango/HarfBuzz take them: OS/2 typo with USE_TYPO_METRICS, else hhea."""
    m = metrics(family)
    return m["typo"][:2] if m["use_typo"] else m["hhea"][:2]


class WP:
    # Arabic: WeasyPrint 70 lays out an RTL paragraph's lines right to left, but puts
    # `text-indent` on the left of the first line (a negative one's overhang too): the
    # first-line indent is an empty inline-block at the paragraph's start, and a list
    # item's label (an inline-block at the line's right end) reaches into the item's right
    # padding by a negative margin-right (a float there would break `break-after: avoid`
    # of the heading before). Chromium: plain CSS (text-indent, padding-right).
    RTL_WORKAROUNDS = True

    def __init__(self, g, doc):
        self.g, self.doc = g, doc
        self.zh = doc.lang == "zh"
        self.rtl = doc.rtl
        # the font of the text and of the furniture (zh: Latin runs and the page numbers)
        self.font = g["latin_font"] if doc.lang in ("zh", "en") else text_font(g, doc.lang)

    def runs(self, block) -> str:
        out = []
        lat = self.zh and self.g.get("zh_latin_pt")
        for seg in block.segments:
            if isinstance(seg, Note):
                out.append(f'<span class="fn">{e(seg.text)}</span>')
            elif lat:
                pos = 0
                for m in LATIN_RUN.finditer(seg):
                    out.append(e(seg[pos:m.start()]) + f'<span class="lat">{e(m.group())}</span>')
                    pos = m.end()
                out.append(e(seg[pos:]))
            else:
                out.append(e(seg))
        return "".join(out)

    # --------------------------------------------------------------- furniture
    def box(self, name, content, size, base_from_box_top, bold=True, extra="", family=None):
        """A margin box whose first line's baseline lies base_from_box_top below the box top."""
        g = self.g
        family = family or self.font
        a, d = asc_desc(family)
        lh = size * 1.2
        half = (lh - (a + d) * size) / 2
        pad = base_from_box_top - half - a * size
        fams = q(family)
        if self.rtl:  # Arabic furniture: the Latin font for `/`, `-`; right to left
            fams += f", {q(g['latin_font'])}"
            extra += " direction: rtl;"
        return (f"@{name} {{ content: {content}; font-family: {fams}; font-size: {pt(size)}; "
                f"font-weight: {'bold' if bold else 'normal'}; line-height: {pt(lh)}; vertical-align: top; "
                f"padding-top: {pt(pad)}; {extra} }}")

    def page_css(self) -> str:
        g, d = self.g, self.doc
        W, H = g["W"], g["H"]
        fsz, hsz = g["ftr_pt"], g["hdr_pt"]
        mt, mb = g["mt"], g["mb"]
        # bottom boxes start at H - mb; a baseline ftr_base above the edge is mb - ftr_base below that
        fb = mb - g["ftr_base"]
        hb = g["hdr_base"]
        fmt = g.get("pagenum", "N/M") if d.text == "cac" else (g.get("pagenum") or g.get("udhr_pagenum", "N"))
        pn = pn_css(fmt, d.lang)
        rules = [f"@page {{ size: {pt(W)} {pt(H)}; margin: {pt(mt)} {pt(g['mr'])} {pt(mb)} {pt(g['ml'])};"]
        sep_gap = g["body_pt"]
        rules.append(f"  @footnote {{ {self.sep_css()} padding-top: {pt(g['footnote_pt'] * 0.5)}; "
                     f"margin-top: {pt(sep_gap)}; }}")
        left, right = [], []  # boxes for :left / :right pages (all but the first)
        if d.text == "cac":
            f = d.front
            job = q(f["job_number"])
            side = g.get("furniture_side")
            if g.get("pagenum_in_header"):
                for lst in (left, right):
                    lst.append(self.box("bottom-left", job, fsz, fb))
            elif side:
                for lst in (left, right):
                    lst.append(self.box(f"bottom-{side}", f'{job} "\\2003\\2003" {pn}', fsz, fb))
            elif g.get("footer_alternate"):
                right.append(self.box("bottom-right", f'{job} "\\2003\\2003" {pn}', fsz, fb))
                left.append(self.box("bottom-left", f'{pn} "\\2003\\2003" {job}', fsz, fb))
            else:
                for lst in (left, right):
                    lst.append(self.box("bottom-left", job, fsz, fb))
                    lst.append(self.box("bottom-right", pn, fsz, fb))
            if hb is not None:
                sym = q(f["symbol"])
                if g.get("pagenum_in_header"):
                    for lst in (left, right):
                        lst += [self.box("top-left", sym, hsz, hb), self.box("top-right", pn, hsz, hb)]
                elif side:
                    for lst in (left, right):
                        lst.append(self.box(f"top-{side}", sym, hsz, hb))
                elif g.get("header_title"):
                    st = q(f["short_title"])
                    right += [self.box("top-left", st, hsz, hb), self.box("top-right", sym, hsz, hb)]
                    left += [self.box("top-left", sym, hsz, hb), self.box("top-right", st, hsz, hb)]
                elif g.get("header_alternate"):
                    right.append(self.box("top-right", sym, hsz, hb))
                    left.append(self.box("top-left", sym, hsz, hb))
                else:
                    for lst in (left, right):
                        lst.append(self.box("top-right", sym, hsz, hb))
            first = [self.box("bottom-left", f'{q(f["job_line"])} "\\A" {q(f["barcode"])}', fsz,
                              fb - g["job_gap"], extra=f"white-space: pre; line-height: {pt(g['job_gap'])};")]
            # the job line box uses line-height job_gap: recompute its padding for that line height
            a, dd = asc_desc(g["latin_font"])
            half = (g["job_gap"] - (a + dd) * fsz) / 2
            pad = fb - g["job_gap"] - half - a * fsz
            first = [f"@bottom-left {{ content: {q(f['job_line'])} \"\\A\" {q(f['barcode'])}; white-space: pre; "
                     f"font-family: {q(g['latin_font'])}; font-size: {pt(fsz)}; font-weight: bold; "
                     f"line-height: {pt(g['job_gap'])}; vertical-align: top; padding-top: {pt(pad)}; }}",
                     "@bottom-right { content: none; }", "@top-left { content: none; }",
                     "@top-right { content: none; }", "@top-center { content: none; }"]
        else:
            if g.get("footer_alternate"):
                right.append(self.box("bottom-right", pn, fsz, fb, bold=False))
                left.append(self.box("bottom-left", pn, fsz, fb, bold=False))
            else:
                al = {"center": "bottom-center", "right": "bottom-right", "left": "bottom-left"}[
                    g.get("furniture_side") or g.get("udhr_footer_align", "center")]
                for lst in (left, right):
                    lst.append(self.box(al, pn, fsz, fb, bold=False))
            if hb is not None and g.get("udhr_header"):
                for lst in (left, right):
                    lst.append(self.box("top-" + (g.get("furniture_side") or "center"), q(d.front["running"]), hsz, hb, bold=False,
                                        family=g["cjk_font"] if self.zh else None))
            first = ["@top-center { content: none; }"]
        rules.append("}")
        rules.append("@page :right { " + " ".join(right) + " }")
        rules.append("@page :left { " + " ".join(left) + " }")
        rules.append("@page :first { " + " ".join(first) + " }")
        return "\n".join(rules)

    def css(self) -> str:
        g = self.g
        body, fn = g["body_pt"], g["footnote_pt"]
        ni = g["ni"]
        ls = g["line_spacing"]
        sep = g["para_sep"]
        after = g.get("space_pt", 6) if sep in ("space", "both") else 0
        indent = g.get("indent_pt", 20) if sep in ("indent", "both") else 0
        fonts = f"{q(g['latin_font'])}, {q(g['cjk_font'])}"
        if self.doc.lang not in ("zh", "en"):  # ar: Noto Naskh Arabic, the Latin font for ( ) - /
            fonts = ", ".join(q(f) for f in dict.fromkeys([self.font, g["latin_font"], g["cjk_font"]]))
        hsz = body * g.get("heading_scale", 1.0)
        # the call's size is relative to the body text (the ::footnote-call pseudo-element
        # inherits the note's own size otherwise); `sups`: the OpenType feature itself,
        # since WeasyPrint synthesizes font-variant-position (smaller and raised)
        def callcss(size):
            return {
                "raised-small": f"vertical-align: super; font-size: {pt(size * 0.58)};",
                "sup83": f"vertical-align: super; font-size: {pt(size * 0.83)};",
                "sups": f'font-feature-settings: "sups" 1; vertical-align: baseline; font-size: {pt(size)};',
            }[g["call"]]
        call, mark = callcss(body), callcss(fn)
        organ_pt = g.get("organ_pt", 13 if g["masthead"] == "stacked" else 15)
        first_shift = g["first_top"] - g["mt"]
        return self.page_css() + f"""
html {{ font-family: {fonts}; font-size: {pt(body)}; line-height: {1.2 * ls:.4f}; }}
body {{ margin: 0; }}
p {{ margin: 0 0 {pt(after)} 0; text-indent: {pt(indent)}; text-align: {'justify' if g['justified'] else 'left'}; orphans: 2; widows: 1; }}
.lab {{ display: inline-block; width: {pt(ni)}; text-indent: 0; }}
p.hang {{ padding-left: {pt(ni)}; text-indent: {pt(-ni)}; }}
p.item {{ padding-left: {pt(2 * ni)}; text-indent: {pt(-ni)}; }}
p.uitem {{ padding-left: {pt(ni)}; text-indent: {pt(-ni)}; }}
p.even {{ margin-bottom: 0; text-indent: 0; }}
{''.join(f'p.line{lv} {{ padding-left: {pt((lv + 1) * ni)}; text-indent: {pt(-ni)}; text-align: left; margin-bottom: {pt(body * 0.25)}; }} ' for lv in (1, 2, 3))}
.h {{ font-weight: bold; font-size: {pt(hsz)}; text-indent: 0; text-align: left; margin: {pt(body * 1.4)} 0 {pt(body * 0.7)} 0; break-after: avoid; }}
.h.hang {{ margin-left: {pt(-ni)}; padding-left: 0; }}
{self.heading_font_css()}
p.mnum {{ text-indent: 0; }}
p.mnum .lab {{ margin-left: {pt(-ni)}; }}
.lat {{ font-size: {pt(g.get("zh_latin_pt") or body)}; }}
.atitle {{ font-style: italic; text-indent: 0; text-align: {"center" if g.get("article_heading", "centred") == "centred" else "left"}; margin: {pt(-body * 0.5)} 0 {pt(body * 0.6)} 0; break-before: avoid; }}
.h.centred {{ text-align: center; }}
.h.plain {{ font-weight: normal; font-size: {pt(body)}; }}
.h.brk {{ break-before: page; }}
.title {{ font-weight: bold; font-size: {pt(body * 1.5)}; text-align: center; text-indent: 0; margin-bottom: {pt(body * 1.5)}; break-after: avoid; }}
.fn {{ float: footnote; footnote-policy: line; font-size: {pt(fn)}; line-height: 1.2; text-indent: 0; text-align: {'justify' if g['justified'] else 'left'}; }}
.fn::footnote-call {{ content: counter(footnote); {call} line-height: 0; }}
.fn::footnote-marker {{ content: counter(footnote); {mark} display: inline-block; width: {pt(ni * 0.6)}; }}
.mast {{ margin-top: {pt(first_shift)}; }}
.un {{ font-weight: bold; font-size: 12pt; float: left; margin-top: 4pt; line-height: 1.2; }}
.sym {{ font-size: 16pt; text-align: right; line-height: 1.2; margin-bottom: 6pt; }}
.organ {{ font-weight: bold; font-size: {pt(organ_pt)}; line-height: 1.2; text-align: left; text-indent: 0; margin: 0; }}
.distr {{ font-size: 9.5pt; line-height: 1.25; text-align: left; text-indent: 0; margin: 0; }}
.col-l {{ float: left; width: 60%; }}
.col-r {{ float: right; width: 36%; }}
.stack-r {{ margin-left: 62%; }}
.clear {{ clear: both; }}
.doctitle {{ font-weight: bold; font-size: 13.5pt; line-height: 1.25; margin: 18pt 0 14pt {pt(ni)}; text-indent: 0; text-align: left; }}
""" + (self.rtl_css() if self.rtl else "")

    def rtl_css(self) -> str:
        """Arabic: every paragraph `dir="rtl"`; the udhr item's label at the right, its text
        `ni` in from the right edge, continuation lines under the text."""
        g = self.g
        ni = g["ni"]
        sep = g["para_sep"]
        indent = g.get("indent_pt", 20) if sep in ("indent", "both") else 0
        align = "justify" if g["justified"] else "start"
        if self.RTL_WORKAROUNDS:
            return f"""p {{ text-align: {align}; text-indent: 0; }}
.ind {{ display: inline-block; width: {pt(indent)}; }}
p.uitem {{ padding-left: 0; padding-right: {pt(ni)}; text-indent: 0; }}
p.uitem .lab {{ margin-right: {pt(-ni)}; }}
.h {{ text-align: start; }}
.title {{ text-align: center; }}
"""
        return f"""p {{ text-align: {align}; }}
p.uitem {{ padding-left: 0; padding-right: {pt(ni)}; text-indent: {pt(-ni)}; }}
.h {{ text-align: start; }}
.title {{ text-align: center; }}
"""

    def sep_css(self) -> str:
        sep = self.g["separator"]
        if sep == "none":
            return "border-top: none;"
        if sep == "full":
            return "border-top: 0.5pt solid black;"
        frac = 0.30 if sep == "short" else float(sep.rstrip("%")) / 100
        w = self.g["text_w"] * frac
        svg = (f"<svg xmlns='http://www.w3.org/2000/svg' width='{w:.2f}pt' height='0.5pt' viewBox='0 0 {w:.2f} 0.5'>"
               f"<rect x='0' y='0' width='{w:.2f}' height='0.5' fill='black'/></svg>")
        import urllib.parse
        return (f'border-top: none; background-image: url("data:image/svg+xml,{urllib.parse.quote(svg)}"); '
                f"background-repeat: no-repeat; background-position: 0 0;")

    def heading_font_css(self) -> str:
        st = self.g.get("heading_font", "bold")
        if st == "italic":
            return ".h { font-weight: normal; font-style: italic; }"
        if st == "smallcaps":
            return ".h { font-weight: normal; font-variant: small-caps; }"
        return ""

    def masthead(self) -> str:
        g, f = self.g, self.doc.front
        organ = "".join(f'<p class="organ">{e(o)}</p>' for o in f["organ"])
        distr = "".join(f'<p class="distr">{e(x)}</p>' for x in f["distr"])
        top = f'<div class="mast"><div class="un">{e(f["un"])}</div><div class="sym">{e(f["symbol"])}</div></div>'
        if g["masthead"] == "stacked":
            mid = organ + f'<div class="stack-r">{distr}</div>'
        else:
            mid = f'<div class="col-l">{organ}</div><div class="col-r">{distr}</div><div class="clear"></div>'
        return top + mid + f'<p class="doctitle">{e(f["title"])}</p>'

    def body(self) -> str:
        g, d = self.g, self.doc
        out = []
        if d.text == "cac":
            out.append(self.masthead())
        hstyle = g.get("heading_style", "hanging")
        for b in d.blocks:
            body = self.runs(b)
            lab = f'<span class="lab">{e(b.label or "")}</span>'
            if b.kind == "heading" and d.text == "cac":
                if hstyle == "centred":
                    out.append(f'<p class="h centred">{e(b.label)} {body}</p>')
                else:
                    out.append(f'<p class="h hang">{lab}{body}</p>')
            elif b.kind == "heading":
                ah = g.get("article_heading", "centred")
                brk = " brk" if b.role == "article-heading" and int(b.number) in g.get("udhr_breaks", []) else ""
                cls = {"centred": "centred", "left": "", "plain": "plain"}[ah]
                out.append(f'<p class="h {cls}{brk}">{body}</p>')
                if b.role == "article-heading" and g.get("udhr_article_titles") and article_title(b.number, d.lang):
                    out.append(f'<p class="atitle">{e(article_title(b.number, d.lang))}</p>')
            elif b.kind == "paragraph":
                cls = {"hanging": ' class="hang"', "margin": ' class="mnum"'}.get(g.get("num_style", "tab"), "")
                out.append(f"<p{cls}>{lab}{body}</p>")
            elif b.kind == "item":
                cls = "item" if d.text == "cac" else "uitem"
                out.append(f'<p class="{cls}">{lab}{body}</p>')
            elif b.kind == "line":
                out.append(f'<p class="line{b.level or 1}">{lab}{body}</p>')
            elif b.role == "title":
                out.append(f'<p class="title">{body}</p>')
            elif b.role == "preamble" and g.get("preamble_even"):
                out.append(f'<p class="even">{body}</p>')
            elif self.rtl and self.RTL_WORKAROUNDS and g["para_sep"] in ("indent", "both"):
                out.append(f'<p><span class="ind"></span>{body}</p>')
            else:
                out.append(f"<p>{body}</p>")
        if self.rtl:
            return "\n".join(re.sub(r"^<p\b", '<p dir="rtl"', x) for x in out)
        return "\n".join(out)

    def html(self) -> str:
        lang = HTML_LANG[self.doc.lang]
        return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title></title>'
                f'<style>{self.css()}</style></head><body>{self.body()}</body></html>')


def check():
    try:
        import weasyprint  # noqa: F401
    except ImportError:
        raise Missing("WeasyPrint is not installed: pip install weasyprint")


def _one(args):
    g, doc, out = args
    import weasyprint
    src = WP(g, doc).html()
    os.makedirs(os.path.dirname(out), exist_ok=True)
    weasyprint.HTML(string=src).write_pdf(out)
    if os.environ.get("TYPESET_KEEP_SOURCES"):
        with open(out[:-4] + ".html", "w", encoding="utf-8") as fh:
            fh.write(src)
    return out


def render(jobs: list, workers: int = 2):
    check()
    if workers > 1 and len(jobs) > 1:
        import multiprocessing as mp
        with mp.get_context("fork").Pool(workers) as pool:
            list(pool.imap_unordered(_one, jobs))
    else:
        for j in jobs:
            _one(j)
