"""Typst producer (the `typst` Python package): one .typ source per document.
Furniture is placed on the page background with its baseline exactly where the layout
says (text top-edge = baseline); footnotes are Typst footnotes."""
from __future__ import annotations

import os
import shutil
import tempfile

from geometry import Missing, pn_str, text_font
from texts import Note, article_title


def s(text: str) -> str:
    """A Typst string literal in code position (shown verbatim: no markup, no smart quotes)."""
    return '#("' + text.replace("\\", "\\\\").replace('"', '\\"') + '")'


LATIN = r"[A-Za-z0-9][A-Za-z0-9 .,/()\\-:;'’%]*[A-Za-z0-9).]|[A-Za-z0-9]"


def pt(v: float) -> str:
    return f"{v:.3f}pt"


class TY:
    def __init__(self, g, doc):
        self.g, self.doc = g, doc
        self.zh = doc.lang == "zh"
        self.rtl = doc.rtl
        self.left = "start" if self.rtl else "left"  # a heading set `left`: at the start of the line

    def fonts(self) -> str:
        """The font list: Latin first, then CJK; with latin_in_cjk (zh) the Latin font
        covers Latin letters only, so quotes and other shared punctuation come from the
        CJK font."""
        g = self.g
        if self.zh and g.get("latin_in_cjk"):
            return f'((name: "{g["latin_font"]}", covers: "latin-in-cjk"), "{g["cjk_font"]}")'
        if self.doc.lang not in ("zh", "en"):  # ar: Noto Naskh Arabic, the Latin font for ( ) - /
            fams = dict.fromkeys([text_font(g, self.doc.lang), g["latin_font"], g["cjk_font"]])
            return "(" + ", ".join(f'"{f}"' for f in fams) + ")"
        return f'("{g["latin_font"]}", "{g["cjk_font"]}")'

    def runs(self, block) -> str:
        out = []
        for seg in block.segments:
            if isinstance(seg, Note):
                out.append("#footnote[" + s(seg.text) + "]")
            else:
                out.append(s(seg))
        return "".join(out)

    def furniture(self) -> str:
        g, d = self.g, self.doc
        W, H = g["W"], g["H"]
        ml, mr = g["ml"], g["mr"]
        fsz, hsz = g["ftr_pt"], g["hdr_pt"]
        font = self.fonts()

        def at(y_top, align, content, size, bold=True):
            """content with its baseline y_top below the page's top edge."""
            w = "bold" if bold else "regular"
            rtl = ', lang: "ar", dir: rtl' if self.rtl else ""
            body = f'text(font: {font}, size: {pt(size)}, weight: "{w}"{rtl}, top-edge: "baseline", bottom-edge: "descender")[{content}]'
            if align == "left":
                return f"place(top + left, dx: {pt(ml)}, dy: {pt(y_top)}, {body})"
            if align == "right":
                return f"place(top + right, dx: {pt(-mr)}, dy: {pt(y_top)}, {body})"
            return f"place(top + left, dx: {pt(ml)}, dy: {pt(y_top)}, box(width: {pt(g['text_w'])}, align(center, {body})))"

        yf = H - g["ftr_base"]
        yh = g["hdr_base"]
        page = "#str(here().page())"
        total = "#str(counter(page).final().first())"
        parts = ["let p = here().page()"]
        if d.text == "cac":
            f = d.front
            parts.append(f"if p == 1 {{ {at(yf - g['job_gap'], 'left', s(f['job_line']), fsz)}; "
                         f"{at(yf, 'left', s(f['barcode']), fsz)} }} else {{")
            pn = self.pn(g.get("pagenum", "N/M"), page, total)
            job = s(f["job_number"])
            side = g.get("furniture_side")
            if g.get("pagenum_in_header"):
                parts.append(at(yf, 'left', job, fsz))
            elif side:
                parts.append(at(yf, side, job + '#h(2em)' + pn, fsz))
            elif g.get("footer_alternate"):
                parts.append(f"if calc.odd(p) {{ {at(yf, 'right', job + '#h(2em)' + pn, fsz)} }} "
                             f"else {{ {at(yf, 'left', pn + '#h(2em)' + job, fsz)} }}")
            else:
                parts.append(f"{at(yf, 'left', job, fsz)}; {at(yf, 'right', pn, fsz)}")
            if yh is not None:
                sym = s(f["symbol"])
                if g.get("pagenum_in_header"):
                    parts.append(f"{at(yh, 'left', sym, hsz)}; {at(yh, 'right', pn, hsz)}")
                elif side:
                    parts.append(at(yh, side, sym, hsz))
                elif g.get("header_title"):
                    st = s(f["short_title"])
                    parts.append(f"if calc.odd(p) {{ {at(yh, 'left', st, hsz)}; {at(yh, 'right', sym, hsz)} }} "
                                 f"else {{ {at(yh, 'left', sym, hsz)}; {at(yh, 'right', st, hsz)} }}")
                elif g.get("header_alternate"):
                    parts.append(f"if calc.odd(p) {{ {at(yh, 'right', sym, hsz)} }} else {{ {at(yh, 'left', sym, hsz)} }}")
                else:
                    parts.append(at(yh, "right", sym, hsz))
            parts.append("}")
        else:
            pn = self.pn(g.get("pagenum") or g.get("udhr_pagenum", "N"), page, total)
            if g.get("footer_alternate"):
                parts.append(f"if calc.odd(p) {{ {at(yf, 'right', pn, fsz, False)} }} else {{ {at(yf, 'left', pn, fsz, False)} }}")
            else:
                parts.append(at(yf, g.get("furniture_side") or g.get("udhr_footer_align", "center"), pn, fsz, False))
            if yh is not None and g.get("udhr_header"):
                parts.append(f"if p > 1 {{ {at(yh, g.get('furniture_side') or 'center', s(d.front['running']), hsz, False)} }}")
        return "context {\n  " + "\n  ".join(parts) + "\n}"

    def pn(self, fmt, page, total):
        """The page number in the layout's format, page and total being markup."""
        return pn_str(fmt, page, total, self.doc.lang)

    def hfont(self, txt_args, body):
        """Heading text in the layout's heading font: bold | italic | smallcaps."""
        hf = self.g.get("heading_font", "bold")
        if hf == "italic":
            return f'text({txt_args}, weight: "regular", style: "italic")[{body}]'
        if hf == "smallcaps":
            return f'text({txt_args}, weight: "regular")[#smallcaps[{body}]]'
        return f'text({txt_args}, weight: "bold")[{body}]'

    def preamble(self) -> str:
        g = self.g
        W, H = g["W"], g["H"]
        body, fn = g["body_pt"], g["footnote_pt"]
        ls = g["line_spacing"]
        fonts = self.fonts()
        lang = {"zh": 'lang: "zh", region: "cn"', "ar": 'lang: "ar", dir: rtl'}.get(self.doc.lang, f'lang: "{self.doc.lang}"')
        sep = g["para_sep"]
        after = g.get("space_pt", 6) if sep in ("space", "both") else 0
        indent = g.get("indent_pt", 20) if sep in ("indent", "both") else 0
        seplen = {"full": "100%", "short": "30%"}.get(g["separator"], g["separator"])
        sepline = "[]" if g["separator"] == "none" else f"line(length: {seplen}, stroke: 0.5pt)"
        call = {
            "raised-small": 'set super(typographic: false, size: 0.6em, baseline: -0.45em)',
            "sup83": 'set super(typographic: false, size: 0.83em, baseline: -0.35em)',
            "sups": 'set super(typographic: true)',
        }[g["call"]]
        # baseline-to-baseline distance = 1.2 em x line spacing: the text box is one em
        # high (0.8 above the baseline, 0.2 below) and the leading makes up the rest
        leading = body * (1.2 * ls - 1.0)
        return f"""#set document(title: none, author: ())
#set page(width: {pt(W)}, height: {pt(H)},
  margin: (top: {pt(g['mt'])}, bottom: {pt(g['mb'])}, left: {pt(g['ml'])}, right: {pt(g['mr'])}),
  header: none, footer: none,
  background: {self.furniture()})
#set text(font: {fonts}, size: {pt(body)}, {lang}, top-edge: 0.8em, bottom-edge: -0.2em, hyphenate: false)
#set par(leading: {pt(leading)}, spacing: {pt(after + leading)}, justify: {'true' if g['justified'] else 'false'},
  first-line-indent: (amount: {pt(indent)}, all: true))
#{call}
#set footnote.entry(separator: {sepline}, clearance: {pt(body)}, gap: {pt(fn * 0.35)}, indent: 0pt)
#show footnote.entry: set text(size: {pt(fn)})
#show footnote.entry: set par(leading: {pt(fn * 0.2)}, first-line-indent: 0pt, hanging-indent: {pt(g['ni'] * 0.6)})
"""

    def masthead(self) -> str:
        g, f = self.g, self.doc.front
        first_shift = g["first_top"] - g["mt"]  # page 1 starts higher: no running header there
        organ_pt = g.get("organ_pt", 13 if g["masthead"] == "stacked" else 15)
        out = [f"#v({pt(first_shift)})" if abs(first_shift) > 0.01 else "", "#[#set par(justify: false, first-line-indent: 0pt)"]
        out.append(f'#block(spacing: 0pt, width: 100%, grid(columns: (1fr, auto), align: (left + bottom, right + bottom),'
                   f' text(size: 12pt, weight: "bold")[{s(f["un"])}], text(size: {g.get("symbol_pt", 16)}pt, top-edge: "ascender")[{s(f["symbol"])}]))')
        out.append(f"#v(6pt)")
        organ = "".join(f'#block(spacing: 2pt, text(size: {pt(organ_pt)}, weight: "bold")[{s(o)}])' for o in f["organ"])
        distr = "".join(f'#block(spacing: 1.5pt, text(size: 9.5pt)[{s(x)}])' for x in f["distr"])
        if g["masthead"] == "stacked":
            out.append(organ)
            out.append(f"#pad(left: 62%, [{distr}])")
        else:
            out.append(f"#grid(columns: (62%, 38%), [{organ}], [{distr}])")
        out.append(f'#block(above: 18pt, below: 14pt, sticky: true, pad(left: {pt(g["ni"])}, '
                   f'par(justify: false, first-line-indent: 0pt, text(size: 13.5pt, weight: "bold")[{s(f["title"])}])))')
        out.append("]")
        return "\n".join(out)

    def body(self) -> str:
        g, d = self.g, self.doc
        ni = g["ni"]
        bsz = g["body_pt"]
        hsz = bsz * g.get("heading_scale", 1.0)
        hstyle = g.get("heading_style", "hanging")
        out = []
        if d.text == "cac":
            out.append(self.masthead())
        if self.zh and g.get("zh_latin_pt"):
            out.append(f'#show regex("{LATIN}"): set text(size: {pt(g["zh_latin_pt"])})')
        noind = "first-line-indent: 0pt"
        for b in d.blocks:
            body = self.runs(b)
            lab = s(b.label or "")
            if b.kind == "heading" and d.text == "cac":
                sp = f"above: {pt(bsz * 1.6)}, below: {pt(bsz * 0.9)}, sticky: true"
                ta = f"size: {pt(hsz)}"
                if hstyle == "centred":
                    out.append(f"#block({sp}, width: 100%, align(center, par(justify: false, {noind}, {self.hfont(ta, lab + ' ' + body)})))")
                else:
                    out.append(f"#block({sp}, pad(left: {pt(-ni)}, par(justify: false, {noind}, hanging-indent: {pt(ni)}, "
                               f"{self.hfont(ta, '#box(width: ' + pt(ni) + ')[' + lab + ']' + body)})))")
            elif b.kind == "heading":
                ah = g.get("article_heading", "centred")
                brk = b.role == "article-heading" and int(b.number) in g.get("udhr_breaks", [])
                if brk:
                    out.append("#pagebreak(weak: true)")
                sp = f"above: {pt(bsz * 1.8)}, below: {pt(bsz * 0.9)}, sticky: true"
                if ah == "plain":
                    out.append(f"#block({sp}, par({noind}, [{body}]))")
                else:
                    al = "center" if ah == "centred" else self.left
                    out.append(f'#block({sp}, width: 100%, align({al}, par({noind}, text(size: {pt(hsz)}, weight: "bold")[{body}])))')
                if b.role == "article-heading" and g.get("udhr_article_titles") and article_title(b.number, d.lang):
                    al = "center" if ah == "centred" else self.left
                    out.append(f'#block(above: {pt(bsz * 0.3)}, below: {pt(bsz * 0.9)}, sticky: true, width: 100%, '
                               f'align({al}, par({noind}, text(style: "italic")[{s(article_title(b.number, d.lang))}])))')
            elif b.kind == "paragraph":
                if g.get("num_style", "tab") == "hanging":
                    out.append(f"#par(hanging-indent: {pt(ni)}, {noind})[#box(width: {pt(ni)})[{lab}]{body}]")
                elif g.get("num_style") == "margin":
                    out.append(f"#pad(left: {pt(-ni)}, par(hanging-indent: {pt(ni)}, {noind})[#box(width: {pt(ni)})[{lab}]{body}])")
                else:
                    out.append(f"#par[#box(width: {pt(ni)})[{lab}]{body}]")
            elif b.kind == "item" and d.text == "cac":
                out.append(f"#pad(left: {pt(ni)}, par(hanging-indent: {pt(ni)}, {noind})[#box(width: {pt(ni)})[{lab}]{body}])")
            elif b.kind == "item":
                out.append(f"#par(hanging-indent: {pt(ni)}, {noind})[#box(width: {pt(ni)})[{lab}]{body}]")
            elif b.kind == "line":
                lv = b.level or 1
                out.append(f"#pad(left: {pt(lv * ni)}, par(justify: false, hanging-indent: {pt(ni)}, {noind})[#box(width: {pt(ni)})[{lab}]{body}])")
            elif b.role == "title":
                out.append(f'#block(below: {pt(bsz * 1.5)}, sticky: true, width: 100%, align(center, par({noind}, text(size: {pt(bsz * 1.5)}, weight: "bold")[{body}])))')
            elif b.role == "preamble" and g.get("preamble_even"):
                out.append(f"#block(spacing: {pt(bsz * (1.2 * g['line_spacing'] - 1.0))}, par({noind})[{body}])")
            else:
                out.append(f"#par[{body}]")
        return "\n\n".join(out)

    def source(self) -> str:
        return self.preamble() + "\n" + self.body() + "\n"


def check():
    try:
        import typst  # noqa: F401
    except ImportError:
        raise Missing("the typst Python package is not installed: pip install typst")


def render(jobs: list):
    check()
    import typst
    tmp = tempfile.mkdtemp(prefix="typeset-typst-")
    try:
        for i, (g, doc, out) in enumerate(jobs):
            src = os.path.join(tmp, f"d{i}.typ")
            with open(src, "w", encoding="utf-8") as fh:
                fh.write(TY(g, doc).source())
            os.makedirs(os.path.dirname(out), exist_ok=True)
            typst.compile(src, output=out, timestamp=1504051200)
            if os.environ.get("TYPESET_KEEP_SOURCES"):
                shutil.copy(src, out[:-4] + ".typ")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
