"""LibreOffice producer: writes a flat ODT (.fodt) per document and converts them all in
one headless soffice run. Real footnotes (text:note), page styles with header/footer
(first page its own master page), paragraph styles, page-number/page-count fields."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from xml.sax.saxutils import escape

from geometry import Missing, metrics, pn_str, text_font
from texts import Note, article_title

# the language attributes of the default style beyond zh, en (Arabic: the complex script)
LANG_ATTRS = {
    "ru": 'fo:language="ru" fo:country="RU" style:language-asian="zh" style:country-asian="CN"',
    "fr": 'fo:language="fr" fo:country="FR" style:language-asian="zh" style:country-asian="CN"',
    "es": 'fo:language="es" fo:country="ES" style:language-asian="zh" style:country-asian="CN"',
    "ar": ('fo:language="en" fo:country="US" style:language-asian="zh" style:country-asian="CN" '
           'style:language-complex="ar" style:country-complex="EG"'),
}

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
      'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
      'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
      'xmlns:dc="http://purl.org/dc/elements/1.1/"')


def pt(v: float) -> str:
    return f"{v:.3f}pt"


def esc(s: str) -> str:
    s = escape(s)
    return re.sub(r"  +", lambda m: " " + f'<text:s text:c="{len(m.group()) - 1}"/>', s)


def asc_desc(family: str) -> tuple:
    """What LibreOffice uses for a line's ascent/descent (fraction of the em): on Linux
    the OS/2 win metrics, or hhea (its line gap added above) when larger."""
    m = metrics(family)
    a = max(m["win"][0], m["hhea"][0] + m["hhea"][2])
    d = max(m["win"][1], m["hhea"][1])
    return a, d


class LO:
    def __init__(self, g: dict, doc):
        self.g, self.doc = g, doc
        self.zh = doc.lang == "zh"
        self.rtl = doc.rtl
        # the font of the text (ar: of its Arabic script; its digits and ( ) - / in the Latin font)
        self.font = g["latin_font"] if doc.lang in ("zh", "en") else text_font(g, doc.lang)
        # LibreOffice (7.4) takes fo:text-align start/end as left/right in a right-to-left
        # paragraph too (justified text ends at the right, fo:margin-left and tab stops
        # count from the right): the body's `start` is `end` in Arabic. The furniture keeps
        # the layout's physical sides.
        self.start = "end" if self.rtl else "start"
        self.auto = []  # automatic paragraph styles
        self.nstyle = 0

    # ----------------------------------------------------------------- styles
    def pstyle(self, parent="Body", para="", txt="", master=None, tabs=None) -> str:
        self.nstyle += 1
        name = f"P{self.nstyle}"
        mp = f' style:master-page-name="{master}"' if master else ""
        tab = ""
        if tabs:
            tab = "<style:tab-stops>" + "".join(
                f'<style:tab-stop style:position="{pt(p)}" style:type="{t}"/>' for p, t in tabs) + "</style:tab-stops>"
        self.auto.append(f'<style:style style:name="{name}" style:family="paragraph" '
                         f'style:parent-style-name="{parent}"{mp}>'
                         f'<style:paragraph-properties {para}>{tab}</style:paragraph-properties>'
                         f'<style:text-properties {txt}/></style:style>')
        return name

    def text_props(self, size, bold=False, cjk_size=None):
        g = self.g
        cs = cjk_size or size
        b = ' fo:font-weight="bold" style:font-weight-asian="bold"' if bold else ""
        if bold and self.rtl:
            b += ' style:font-weight-complex="bold"'
        return (f'fo:font-size="{pt(size)}" style:font-size-asian="{pt(cs)}" '
                f'style:font-size-complex="{pt(size)}"{b}')

    def styles(self) -> str:
        g = self.g
        body, fn = g["body_pt"], g["footnote_pt"]
        cjk_body = g.get("cjk_body_pt") if self.zh else None
        ls = g["line_spacing"]
        sep = g["para_sep"]
        after = g.get("space_pt", 6) if sep in ("space", "both") else 0
        indent = g.get("indent_pt", 20) if sep in ("indent", "both") else 0
        align = "justify" if g["justified"] else self.start
        ni = g["ni"]
        call = {"raised-small": "super 58%", "sup83": "super 83%", "sups": "0% 100%"}[g["call"]]
        fams = {g["latin_font"], g["cjk_font"]}
        if self.doc.lang not in ("zh", "en"):
            fams = sorted(fams | {self.font})
        fonts = "".join(
            f'<style:font-face style:name="{f}" svg:font-family="&apos;{f}&apos;" '
            f'style:font-pitch="variable"/>' for f in fams)
        lang = ('fo:language="en" fo:country="US" style:language-asian="zh" style:country-asian="CN"')
        lang = LANG_ATTRS.get(self.doc.lang, lang)
        # western / complex font: the Latin font for zh and en; ru: its Cyrillic font;
        # ar: Noto Naskh Arabic for the Arabic script, right-to-left paragraphs
        western = g["latin_font"] if self.rtl else self.font
        complex_ = self.font
        mode = "rl-tb" if self.rtl else "lr-tb"
        return f"""<office:font-face-decls>{fonts}</office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph">
  <style:paragraph-properties style:writing-mode="{mode}" fo:orphans="2" fo:widows="2" style:line-break="strict"/>
  <style:text-properties style:font-name="{western}" style:font-name-asian="{g['cjk_font']}"
   style:font-name-complex="{complex_}" {self.text_props(body, cjk_size=cjk_body)} {lang}
   fo:hyphenate="false"/>
 </style:default-style>
 <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
 <style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="{pt(after)}" fo:line-height="{ls * 100:.0f}%"
   fo:text-align="{align}" style:justify-single-word="false" fo:text-indent="0pt" fo:margin-left="0pt"/>
 </style:style>
 <style:style style:name="Furniture" style:family="paragraph" style:parent-style-name="Standard">
  <style:paragraph-properties fo:margin-top="0pt" fo:margin-bottom="0pt" fo:line-height="100%"/>
  <style:text-properties {self.text_props(g['ftr_pt'], bold=True)}/>
 </style:style>
 <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
  <style:paragraph-properties fo:margin-left="{pt(ni * 0.6)}" fo:text-indent="{pt(-ni * 0.6)}" fo:margin-top="0pt"
   fo:margin-bottom="{pt(fn * 0.2)}" fo:line-height="100%" fo:text-align="{align}"/>
  <style:text-properties {self.text_props(fn)}/>
 </style:style>
 <style:style style:name="Footnote_20_anchor" style:display-name="Footnote anchor" style:family="text">
  <style:text-properties style:text-position="{call}"/>
 </style:style>
 <style:style style:name="Footnote_20_Symbol" style:display-name="Footnote Symbol" style:family="text">{'<style:text-properties style:text-position="super 58%"/>' if g.get("note_marker_raised") else ''}</style:style>
 <text:notes-configuration text:note-class="footnote" text:citation-style-name="Footnote_20_Symbol"
  text:citation-body-style-name="Footnote_20_anchor" style:num-format="1" text:start-value="0"
  text:footnotes-position="page" text:start-numbering-at="document"/>
</office:styles>"""

    # ----------------------------------------------------------------- pages
    def page_layouts(self) -> str:
        g = self.g
        W, H = g["W"], g["H"]
        fa, fd = asc_desc(g["latin_font"])
        if self.doc.lang not in ("zh", "en") and self.doc.text == "udhr":
            # the footer's page number: in the text's font too when it has a word (`Page N`)
            fmt = g.get("pagenum") or g.get("udhr_pagenum", "N")
            ffonts = [g["latin_font"]] + ([self.font] if fmt == "Page N" else [])
            fa, fd = (max(asc_desc(f)[i] for f in ffonts) for i in (0, 1))
        fsz = g["ftr_pt"]
        # footer: page margin-bottom = distance from the edge to the footer's last line bottom
        foot_mb = g["ftr_base"] - fd * fsz
        line_h = (fa + fd) * fsz
        sep = {"full": "100%", "short": "25%", "none": "0%"}.get(g["separator"], g["separator"])
        ls = "none" if g["separator"] == "none" else "solid"
        width = "0pt" if g["separator"] == "none" else "0.5pt"
        fsep = (f'<style:footnote-sep style:width="{width}" style:distance-before-sep="{pt(g["body_pt"])}" '
                f'style:distance-after-sep="{pt(g["footnote_pt"] * 0.5)}" style:line-style="{ls}" '
                f'style:adjustment="left" style:rel-width="{sep}" style:color="#000000"/>')

        def layout(name, top, header_h, footer_lines):
            foot_h = line_h if footer_lines == 1 else line_h * 0 + g["job_gap"] + fd * fsz + (fa) * fsz
            foot_space = g["H"] - 0  # placeholder
            body_bottom = g["mb"]
            foot_space = body_bottom - foot_mb - foot_h
            head = ""
            if header_h is not None:
                ha, hd = asc_desc(g["cjk_font"] if (self.zh and self.doc.text == "udhr") else self.font)
                hh = (ha + hd) * g["hdr_pt"]
                head_space = g["mt"] - top - hh
                head = (f'<style:header-style><style:header-footer-properties fo:min-height="0pt" '
                        f'fo:margin-bottom="{pt(head_space)}" style:dynamic-spacing="false"/></style:header-style>')
            return (f'<style:page-layout style:name="{name}"><style:page-layout-properties '
                    f'fo:page-width="{pt(W)}" fo:page-height="{pt(H)}" fo:margin-top="{pt(top)}" '
                    f'fo:margin-bottom="{pt(foot_mb)}" fo:margin-left="{pt(g["ml"])}" '
                    f'fo:margin-right="{pt(g["mr"])}" style:print-orientation="portrait">{fsep}'
                    f'</style:page-layout-properties>{head}'
                    f'<style:footer-style><style:header-footer-properties fo:min-height="0pt" '
                    f'fo:margin-top="{pt(foot_space)}" style:dynamic-spacing="false"/></style:footer-style>'
                    f'</style:page-layout>')

        out = [layout("pmFirst", g["first_top"], None, 2 if self.doc.text == "cac" else 1)]
        if g["hdr_base"] is not None:
            # the zh UDHR running title is all Han: its line has the CJK font's ascent
            hfont = g["cjk_font"] if (self.zh and self.doc.text == "udhr") else self.font
            ha, _ = asc_desc(hfont)
            out.append(layout("pmRest", g["hdr_base"] - ha * g["hdr_pt"], True, 1))
        else:
            out.append(layout("pmRest", g["mt"], None, 1))
        return "".join(out)

    def furniture_p(self, align, content, tabs=None, line_h=None, bold=True):
        props = f'fo:text-align="{align}"'
        if self.rtl and not re.search("[\u0600-\u06ff]", content):
            # Arabic, a page number of digits only: a right-to-left paragraph would put the
            # page-count field before the page number (`5/2`)
            props += ' style:writing-mode="lr-tb"'
        if line_h:
            props += f' fo:line-height="{pt(line_h)}"'
        tab = ""
        if tabs:
            tab = "<style:tab-stops>" + "".join(
                f'<style:tab-stop style:position="{pt(p)}" style:type="{t}"/>' for p, t in tabs) + "</style:tab-stops>"
        self.nstyle += 1
        name = f"F{self.nstyle}"
        self.auto.append(f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="Furniture">'
                         f'<style:paragraph-properties {props}>{tab}</style:paragraph-properties>'
                         f'<style:text-properties {self.text_props(self.g["hdr_pt"] if False else self.g["ftr_pt"], bold=bold)}/></style:style>')
        return f'<text:p text:style-name="{name}">{content}</text:p>'

    def master_pages(self) -> str:
        g, d = self.g, self.doc
        tw = g["text_w"]
        pnum = '<text:page-number text:select-page="current">1</text:page-number>'
        pcount = '<text:page-count>1</text:page-count>'
        if d.text == "cac":
            f = d.front
            # one paragraph, two lines of the same fixed height: the job-number line
            # exactly job_gap above the barcode line
            first_footer = self.furniture_p("start", esc(f["job_line"]) + "<text:line-break/>" + esc(f["barcode"]),
                                            line_h=g["job_gap"])
            page = self.pn_xml(g.get("pagenum", "N/M"), pnum, pcount)
            job = esc(f["job_number"])
            gap = '<text:s text:c="6"/>'
            side = g.get("furniture_side")
            if g.get("pagenum_in_header"):
                odd = even = self.furniture_p("start", job)
            elif side:
                al = "start" if side == "left" else "end"
                odd = even = self.furniture_p(al, f"{job}{gap}{page}")
            elif g.get("footer_alternate"):
                odd = self.furniture_p("end", f"{job}{gap}{page}")
                even = self.furniture_p("start", f"{page}{gap}{job}")
            else:
                odd = even = self.furniture_p("start", f"{job}<text:tab/>{page}", tabs=[(tw, "right")])
            sym = esc(f["symbol"])
            if g.get("pagenum_in_header"):
                hodd = heven = self.hdr_p("start", f'{sym}<text:tab/>{page}', tabs=[(tw, "right")])
            elif side:
                hodd = heven = self.hdr_p("start" if side == "left" else "end", sym)
            elif g.get("header_title"):
                hodd = self.hdr_p("start", f'{esc(f["short_title"])}<text:tab/>{sym}', tabs=[(tw, "right")])
                heven = self.hdr_p("start", f'{sym}<text:tab/>{esc(f["short_title"])}', tabs=[(tw, "right")])
            else:
                hodd = self.hdr_p("end", sym)
                heven = self.hdr_p("start", sym) if g.get("header_alternate") else hodd
        else:
            page = self.pn_xml(g.get("pagenum") or g.get("udhr_pagenum", "N"), pnum, pcount)
            al = {"left": "start", "right": "end"}.get(g.get("furniture_side"), g.get("udhr_footer_align", "center"))
            if g.get("footer_alternate"):
                odd, even = self.furniture_p("end", page), self.furniture_p("start", page)
            else:
                odd = even = self.furniture_p(al, page)
            first_footer = odd
            run = esc(d.front["running"])
            hodd = self.hdr_p({"left": "start", "right": "end"}.get(g.get("furniture_side"), "center"), run, bold=False)
            heven = hodd
            if not g.get("udhr_header"):
                hodd = heven = None
        head = ""
        if g["hdr_base"] is not None and hodd is not None:
            head = f"<style:header>{hodd}</style:header><style:header-left>{heven}</style:header-left>"
        if g["hdr_base"] is None or hodd is None:
            head = ""
        return (f'<office:master-styles>'
                f'<style:master-page style:name="First" style:page-layout-name="pmFirst" style:next-style-name="Rest">'
                f'<style:footer>{first_footer}</style:footer></style:master-page>'
                f'<style:master-page style:name="Rest" style:page-layout-name="pmRest">{head}'
                f'<style:footer>{odd}</style:footer><style:footer-left>{even}</style:footer-left>'
                f'</style:master-page></office:master-styles>')

    def pn_xml(self, fmt, pnum, pcount):
        """The page number in the layout's format, pnum and pcount being markup."""
        return pn_str(fmt, pnum, pcount, self.doc.lang)

    def hdr_p(self, align, content, tabs=None, bold=True):
        tab = ""
        if tabs:
            tab = "<style:tab-stops>" + "".join(
                f'<style:tab-stop style:position="{pt(p)}" style:type="{t}"/>' for p, t in tabs) + "</style:tab-stops>"
        self.nstyle += 1
        name = f"H{self.nstyle}"
        self.auto.append(f'<style:style style:name="{name}" style:family="paragraph" style:parent-style-name="Furniture">'
                         f'<style:paragraph-properties fo:text-align="{align}">{tab}</style:paragraph-properties>'
                         f'<style:text-properties {self.text_props(self.g["hdr_pt"], bold=bold)}/></style:style>')
        return f'<text:p text:style-name="{name}">{content}</text:p>'

    # ----------------------------------------------------------------- body
    def runs(self, block) -> str:
        out = []
        for s in block.segments:
            if isinstance(s, Note):
                out.append(f'<text:note text:id="ftn{s.marker}" text:note-class="footnote">'
                           f'<text:note-citation>{s.marker}</text:note-citation><text:note-body>'
                           f'<text:p text:style-name="Footnote">{esc(s.text)}</text:p></text:note-body></text:note>')
            else:
                out.append(esc(s))
        return "".join(out)

    def masthead(self, first_style) -> list:
        g, f = self.g, self.doc.front
        tw = g["text_w"]
        out = []
        ni = g["ni"]
        s_un = self.pstyle("Standard", 'fo:margin-bottom="0pt" fo:line-height="100%"',
                           self.text_props(12, bold=True), master="First")
        out.append(f'<text:p text:style-name="{s_un}">{esc(f["un"])}</text:p>')
        s_sym = self.pstyle("Standard", 'fo:text-align="end" fo:margin-bottom="6pt" fo:line-height="100%"',
                            self.text_props(16))
        out.append(f'<text:p text:style-name="{s_sym}">{esc(f["symbol"])}</text:p>')
        organ_pt = g.get("organ_pt", 13 if g["masthead"] == "stacked" else 15)
        s_org = self.pstyle("Standard", 'fo:margin-bottom="0pt" fo:line-height="100%" fo:text-align="start"',
                            self.text_props(organ_pt, bold=True))
        s_dis = self.pstyle("Standard", f'fo:margin-bottom="0pt" fo:line-height="100%" fo:text-align="start"'
                            + (f' fo:margin-left="{pt(tw * 0.62)}"' if g["masthead"] == "stacked" else ""),
                            self.text_props(9.5))
        organ = [f'<text:p text:style-name="{s_org}">{esc(o)}</text:p>' for o in f["organ"]]
        distr = [f'<text:p text:style-name="{s_dis}">{esc(x)}</text:p>' for x in f["distr"]]
        if g["masthead"] == "stacked":
            out += organ
            out += distr
        else:
            lw = tw * 0.62
            out.append(f'<table:table table:name="Masthead" table:style-name="MT">'
                       f'<table:table-column table:style-name="MTA"/><table:table-column table:style-name="MTB"/>'
                       f'<table:table-row><table:table-cell table:style-name="MTC" office:value-type="string">{"".join(organ)}</table:table-cell>'
                       f'<table:table-cell table:style-name="MTC" office:value-type="string">{"".join(distr)}</table:table-cell>'
                       f'</table:table-row></table:table>')
            self.auto.append(f'<style:style style:name="MT" style:family="table"><style:table-properties '
                             f'style:width="{pt(tw)}" table:align="left" fo:margin-bottom="6pt"/></style:style>'
                             f'<style:style style:name="MTA" style:family="table-column"><style:table-column-properties style:column-width="{pt(lw)}"/></style:style>'
                             f'<style:style style:name="MTB" style:family="table-column"><style:table-column-properties style:column-width="{pt(tw - lw)}"/></style:style>'
                             f'<style:style style:name="MTC" style:family="table-cell"><style:table-cell-properties fo:padding="0pt" fo:border="none"/></style:style>')
        s_title = self.pstyle("Standard", f'fo:margin-left="{pt(ni)}" fo:margin-top="18pt" fo:margin-bottom="14pt" '
                              f'fo:line-height="100%" fo:keep-with-next="always"', self.text_props(13.5, bold=True))
        out.append(f'<text:p text:style-name="{s_title}">{esc(f["title"])}</text:p>')
        return out

    def body(self) -> str:
        g, d = self.g, self.doc
        ni = g["ni"]
        sep = g["para_sep"]
        indent = g.get("indent_pt", 20) if sep in ("indent", "both") else 0
        hsz = g["body_pt"] * g.get("heading_scale", 1.0)
        hcjk = (g.get("cjk_body_pt") or g["body_pt"]) * g.get("heading_scale", 1.0) if self.zh else None
        hstyle = g.get("heading_style", "hanging")
        out = []
        master = "First"
        if d.text == "cac":
            out += self.masthead(None)
            master = None
        cache = {}

        def st(key, para, txt="", parent="Body", brk=False, tabs=None):
            nonlocal master
            k = (key, master, brk)
            if k not in cache or master:
                p = para + (' fo:break-before="page"' if brk else "")
                cache[k] = self.pstyle(parent, p, txt, master=master, tabs=tabs)
            name = cache[k]
            master = None
            return name

        for b in d.blocks:
            body = self.runs(b)
            lab = esc(b.label or "")
            if b.kind == "heading" and d.text == "cac":
                kw = 'fo:keep-with-next="always" fo:margin-top="{}" fo:margin-bottom="{}"'.format(
                    pt(g["body_pt"] * 1.2), pt(g["body_pt"] * 0.6))
                hf = g.get("heading_font", "bold")
                tp = self.text_props(hsz, bold=hf == "bold", cjk_size=hcjk)
                if hf == "italic":
                    tp += ' fo:font-style="italic" style:font-style-asian="italic"'
                if hstyle == "centred":
                    s = st(("hc", b.level), f'{kw} fo:text-align="center" fo:text-indent="0pt"', tp)
                    out.append(f'<text:p text:style-name="{s}">{lab} {body}</text:p>')
                else:  # label hanging in the left margin, text at the body's left edge
                    hang = ni if b.level == 1 else ni * 0.0 + ni
                    s = st(("hh", b.level), f'{kw} fo:text-align="start" fo:margin-left="0pt" fo:text-indent="{pt(-hang)}"', tp)
                    out.append(f'<text:p text:style-name="{s}">{lab}<text:tab/>{body}</text:p>')
            elif b.kind == "heading":  # udhr
                ah = g.get("article_heading", "centred")
                kw = f'fo:keep-with-next="always" fo:margin-top="{pt(g["body_pt"] * 1.3)}" fo:margin-bottom="{pt(g["body_pt"] * 0.5)}"'
                brk = b.role == "article-heading" and int(b.number) in g.get("udhr_breaks", [])
                if ah == "plain":
                    s = st(("uh", ah), kw + f' fo:text-align="{self.start}" fo:text-indent="0pt"', "", brk=brk)
                else:
                    s = st(("uh", ah), kw + f' fo:text-align="{"center" if ah == "centred" else self.start}" fo:text-indent="0pt"',
                           self.text_props(hsz, bold=True, cjk_size=hcjk), brk=brk)
                out.append(f'<text:p text:style-name="{s}">{body}</text:p>')
                if b.role == "article-heading" and g.get("udhr_article_titles") and article_title(b.number, d.lang):
                    s2 = st("uat", f'fo:keep-with-next="always" fo:margin-top="0pt" fo:margin-bottom="{pt(g["body_pt"] * 0.5)}" '
                            f'fo:text-align="{"center" if ah == "centred" else "start"}" fo:text-indent="0pt"',
                            'fo:font-style="italic" style:font-style-asian="italic"')
                    out.append(f'<text:p text:style-name="{s2}">{esc(article_title(b.number, d.lang))}</text:p>')
            elif b.kind == "paragraph":
                if g.get("num_style", "tab") == "hanging":
                    s = st("ph", f'fo:margin-left="{pt(ni)}" fo:text-indent="{pt(-ni)}"')
                elif g.get("num_style") == "margin":
                    s = st("pm", f'fo:margin-left="0pt" fo:text-indent="{pt(-ni)}"')
                else:
                    s = st("pt", f'fo:text-indent="{pt(indent)}"', tabs=[(indent + ni, "left")])
                out.append(f'<text:p text:style-name="{s}">{lab}<text:tab/>{body}</text:p>')
            elif b.kind == "item" and d.text == "cac":
                s = st("it", f'fo:margin-left="{pt(2 * ni)}" fo:text-indent="{pt(-ni)}"')
                out.append(f'<text:p text:style-name="{s}">{lab}<text:tab/>{body}</text:p>')
            elif b.kind == "item":  # udhr list item
                s = st("ui", f'fo:margin-left="{pt(ni)}" fo:text-indent="{pt(-ni)}"')
                out.append(f'<text:p text:style-name="{s}">{lab}<text:tab/>{body}</text:p>')
            elif b.kind == "line":
                lv = b.level or 1
                s = st(("ln", lv), f'fo:margin-left="{pt((lv + 1) * ni)}" fo:text-indent="{pt(-ni)}" fo:margin-bottom="{pt(g["body_pt"] * 0.25)}" fo:text-align="start"')
                out.append(f'<text:p text:style-name="{s}">{lab}<text:tab/>{body}</text:p>')
            elif b.role == "title":
                s = st("ut", f'fo:text-align="center" fo:margin-bottom="{pt(g["body_pt"] * 1.5)}" fo:keep-with-next="always"',
                       self.text_props(g["body_pt"] * 1.5, bold=True, cjk_size=(hcjk or hsz) * 1.5 / g.get("heading_scale", 1.0)))
                out.append(f'<text:p text:style-name="{s}">{body}</text:p>')
            elif b.role == "preamble" and g.get("preamble_even"):
                s = st("pe", 'fo:text-indent="0pt" fo:margin-bottom="0pt"')
                out.append(f'<text:p text:style-name="{s}">{body}</text:p>')
            else:
                s = st("tx", f'fo:text-indent="{pt(indent)}"')
                out.append(f'<text:p text:style-name="{s}">{body}</text:p>')
        return "\n".join(out)

    def fodt(self) -> str:
        body = self.body()
        pls = self.page_layouts()
        masters = self.master_pages()
        styles = self.styles()
        meta = '<office:meta><meta:generator>unpara typeset</meta:generator></office:meta>'
        return (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document {NS} office:version="1.3" '
                f'office:mimetype="application/vnd.oasis.opendocument.text">{meta}{styles}'
                f'<office:automatic-styles>{pls}{"".join(self.auto)}</office:automatic-styles>{masters}'
                f'<office:body><office:text>{body}</office:text></office:body></office:document>')


def check():
    if not shutil.which("soffice"):
        raise Missing("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer")


def render(jobs: list):
    """jobs: [(geometry, doc, out_pdf)] -> PDFs, one soffice run for all."""
    check()
    tmp = tempfile.mkdtemp(prefix="typeset-lo-")
    try:
        srcs = []
        for i, (g, doc, out) in enumerate(jobs):
            src = os.path.join(tmp, f"d{i}.fodt")
            with open(src, "w", encoding="utf-8") as fh:
                fh.write(LO(g, doc).fodt())
            srcs.append((src, out))
        profile = os.path.join(tmp, "profile")
        env = dict(os.environ, SOURCE_DATE_EPOCH="1504051200")
        cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp] + [s for s, _ in srcs]
        r = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
        for src, out in srcs:
            pdf = src[:-5] + ".pdf"
            if not os.path.exists(pdf):
                raise RuntimeError(f"LibreOffice did not convert {src}: {r.stderr[-2000:]}")
            os.makedirs(os.path.dirname(out), exist_ok=True)
            shutil.move(pdf, out)
            if os.environ.get("TYPESET_KEEP_SOURCES"):
                shutil.copy(src, out[:-4] + ".fodt")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
