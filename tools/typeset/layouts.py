"""The layout matrix, as data. Each layout is typeset for both texts (cac, udhr) and
both languages (zh, en); udhr also in ar, ru, fr, es with `--langs` (fonts:
geometry.text_font).

Keys (defaults in DEFAULTS):
  producer            libreoffice | typst | weasyprint | chromium (Paged.js in headless Chromium)
  page                A4 | Letter | A5 | Legal | B5 | A6 | 6x9in | 170x240mm
  margins_mm          body frame on pages 2.. (top, right, bottom, left); widened where
                      the furniture needs it (geometry.resolve)
  first_top_mm        top of the masthead on page 1
  header_from_top_pct running-header baseline from the top edge, % of the page height
  running_header      False: no running header at all (footer only)
  footer_from_bottom_pct footer baseline from the bottom edge, % of the page height (page 1:
                      the barcode line; the job-number line 1.2 % of the height above it)
  header_alternate    symbol on the right of odd pages, on the left of even pages
  header_title        running header with the symbol and a short title (sides swap)
  footer_alternate    page number and job number on the outer side, swapping
  furniture_side      left | right: header and footer (job number and page number) both on
                      that side of every page (no swapping)
  pagenum             how page numbers read: N/M (cac default) | N | -N- (`- 3 -`) |
                      Page N (zh `第 3 页`); udhr: defaults to udhr_pagenum
  pagenum_in_header   page number in the running header, opposite the symbol (the footer
                      keeps the job number only)
  body_pt, footnote_pt, cjk_body_pt (LibreOffice zh: CJK runs at this size, Latin at body_pt)
  zh_latin_pt         zh (Typst, WeasyPrint, Chromium): Latin runs (letters, digits and their
                      punctuation) at this size inside CJK text at body_pt
  latin_in_cjk        Typst zh: the Latin font covers Latin letters only (`covers:
                      "latin-in-cjk"`), so quotes and punctuation come from the CJK font
  line_spacing        1.0 | 1.15 | 1.3 | 1.5 (LibreOffice: proportional; Typst/WeasyPrint:
                      baseline distance = 1.2 em x line_spacing)
  para_sep            space (space_pt after, no indent) | indent (indent_pt first line, no
                      space) | both
  num_style           tab: `1.` at the body's left edge, tab to the text, continuation lines
                      at the left edge | hanging: continuation lines under the text |
                      margin: the number in the left margin, the text at the left edge
  num_indent_mm       the paragraph-number tab (heading labels hang this far left)
  heading_style       hanging (label in the left margin, bold) | centred; heading_scale
  heading_font        bold | italic (regular weight) | smallcaps (regular weight, `smcp`)
  call                raised-small | sup83 | sups (OpenType sups glyph at full size)
  note_marker_raised  LibreOffice: the marker before each note's text raised (58 %)
  separator           short | full | none (no rule) | NN% (a rule NN % of the text width)
  masthead            stacked | two-column; organ_pt; symbol_pt (Typst: the symbol, 16)
  extra_notes         [(gold block id, sentence-link group after which the call stands)]
  udhr: article_heading centred | left | plain; preamble_even (no indent, no space);
        udhr_header (running title); udhr_pagenum N | N/M; udhr_footer_align;
        udhr_breaks (articles that start a new page, so `Article N` tops a page);
        udhr_article_titles (an italic short title line under each `Article N` heading,
        not part of the XML's text)
"""

DEFAULTS = {
    "margins_mm": (25, 20, 25, 25),
    "first_top_mm": 12,
    "running_header": True,
    "header_pt": 9.0,
    "footer_pt": 8.0,
    "line_spacing": 1.0,
    "para_sep": "space",
    "space_pt": 6,
    "indent_pt": 20,
    "num_style": "tab",
    "num_indent_mm": 10,
    "heading_style": "hanging",
    "heading_scale": 1.0,
    "call": "raised-small",
    "separator": "short",
    "justified": True,
    "masthead": "stacked",
    "extra_notes": [],
    "article_heading": "centred",
    "preamble_even": False,
    "udhr_header": True,
    "udhr_pagenum": "N",
    "udhr_footer_align": "center",
    "udhr_breaks": [],
    "furniture_side": None,
    "pagenum_in_header": False,
    "heading_font": "bold",
    "zh_latin_pt": None,
    "latin_in_cjk": False,
    "note_marker_raised": False,
    "symbol_pt": 16,
    "udhr_article_titles": False,
}

# extra footnote sets: (block, sentence group after which the call is placed)
SPILL4 = [("p21", 0), ("p22", 1), ("p24", 1), ("p26", 2)]
HALF4 = [("p21", 0), ("p21", 2), ("p22", 0), ("p22", 1)]
SPILL5 = [("p33", 0), ("p35", 0), ("p36", 1), ("p37", 0), ("p38", 2)]
SPILL6 = [("p17", 0), ("p19", 1), ("p21", 1), ("p24", 0), ("p26", 1), ("p29", 0)]
THREE = [("p35", 0), ("p38", 1), ("p39", 0)]
THREE_B = [("p35", 0), ("p38", 1), ("p39", 1)]
TWO = [("p35", 0), ("p39", 1)]
THREE_C = [("p33", 0), ("p36", 1), ("p38", 0)]

LAYOUTS = [
    # ------------------------------------------------------------ LibreOffice
    dict(id="lo-a4-un", producer="libreoffice", page="A4", margins_mm=(28, 22, 25, 30),
         body_pt=10, footnote_pt=8, line_spacing=1.0, header_from_top_pct=4.0, footer_from_bottom_pct=5.0,
         cjk_font="Noto Serif CJK SC", latin_font="Liberation Serif", masthead="stacked",
         header_alternate=True, footer_alternate=True, udhr_pagenum="N/M",
         notes="UN look: stacked masthead, hanging heading labels, raised small calls, short rule"),
    dict(id="lo-a5-sans-ragged", producer="libreoffice", page="A5", margins_mm=(18, 14, 20, 20),
         body_pt=9, footnote_pt=8.5, line_spacing=1.15, space_pt=4, header_from_top_pct=5.0,
         footer_from_bottom_pct=9.2, cjk_font="Noto Sans CJK SC", latin_font="Liberation Sans",
         justified=False, masthead="two-column", organ_pt=14, extra_notes=HALF4, num_indent_mm=8,
         article_heading="left", preamble_even=True, udhr_header=False,
         notes="A5, 8.5 pt notes under 9 pt body; four long notes in paragraphs 21-22 fill about half a page"),
    dict(id="lo-letter-mixed", producer="libreoffice", page="Letter", margins_mm=(25, 25, 25, 30),
         body_pt=12, cjk_body_pt=10.5, footnote_pt=9, line_spacing=1.3, para_sep="indent", indent_pt=21,
         header_from_top_pct=9.2, footer_from_bottom_pct=6.0, cjk_font="AR PL UMing CN",
         latin_font="DejaVu Serif", heading_style="centred", masthead="two-column", organ_pt=17,
         header_title=True, udhr_breaks=[11, 21],
         notes="zh: Latin runs 12 pt, CJK runs 10.5 pt (LibreOffice zh-CN defaults); first-line indent, no spacing; "
               "running header with symbol and short title"),
    dict(id="lo-legal-wide-noheader", producer="libreoffice", page="Legal", margins_mm=(40, 40, 35, 45),
         body_pt=11, footnote_pt=9, line_spacing=1.5, para_sep="both", space_pt=6, indent_pt=18,
         running_header=False, first_top_mm=20, footer_from_bottom_pct=12.0, cjk_font="Noto Serif CJK SC",
         latin_font="Noto Serif", separator="full", extra_notes=SPILL5, heading_scale=1.15,
         article_heading="plain", udhr_pagenum="N/M",
         notes="no running header (footer only); wide margins; full-width separator; five long notes"),
    dict(id="lo-a4-narrow-asym", producer="libreoffice", page="A4", margins_mm=(15, 12, 15, 32),
         body_pt=10.5, footnote_pt=9.5, line_spacing=1.15, space_pt=3, header_from_top_pct=3.0,
         footer_from_bottom_pct=3.0, first_top_mm=8, cjk_font="WenQuanYi Micro Hei", latin_font="DejaVu Sans",
         justified=False, num_style="hanging", extra_notes=THREE, article_heading="left", preamble_even=True,
         notes="narrow asymmetric margins; header and footer 3 % from the edges; continuation lines under the text"),
    dict(id="lo-a5-serif-spill", producer="libreoffice", page="A5", margins_mm=(20, 15, 20, 18),
         body_pt=10, footnote_pt=8, line_spacing=1.0, space_pt=4, header_from_top_pct=15.0,
         footer_from_bottom_pct=16.0, cjk_font="AR PL UMing CN", latin_font="Noto Serif", extra_notes=SPILL6,
         num_indent_mm=8, footer_alternate=True, udhr_breaks=[3, 25],
         notes="header 15 % from the top, footer 16 % from the bottom; six long notes, some continue on the next page"),
    dict(id="lo-b5-italic-18", producer="libreoffice", page="B5", margins_mm=(22, 18, 22, 28),
         body_pt=11.5, footnote_pt=7, line_spacing=1.05, space_pt=2, header_from_top_pct=2.0,
         footer_from_bottom_pct=18.0, cjk_font="AR PL UMing CN", latin_font="Liberation Sans",
         masthead="two-column", organ_pt=18, separator="40%", heading_font="italic", pagenum="-N-",
         extra_notes=THREE, udhr_breaks=[9],
         notes="B5; notes 7 pt under 11.5 pt (0.61); line spacing 1.05; paragraph spacing 2 pt; header 2 % / "
               "footer 18 %; italic headings; separator 40 %; sans Latin with serif CJK; organ 18 pt"),
    dict(id="lo-a6-margin", producer="libreoffice", page="A6", margins_mm=(14, 10, 14, 20), first_top_mm=6,
         body_pt=8, footnote_pt=7, line_spacing=1.1, space_pt=3, header_from_top_pct=3.0,
         footer_from_bottom_pct=4.0, cjk_font="Noto Serif CJK SC", latin_font="Noto Serif",
         num_style="margin", num_indent_mm=7, separator="none", pagenum="Page N", extra_notes=TWO,
         organ_pt=11, header_pt=7.5, footer_pt=7,
         notes="A6; paragraph numbers in the left margin; no separator rule; page numbers 'Page N'"),
    # ------------------------------------------------------------ Typst
    dict(id="ty-a4-un", producer="typst", page="A4", margins_mm=(27, 22, 25, 30),
         body_pt=10, footnote_pt=8.5, line_spacing=1.15, header_from_top_pct=4.5, footer_from_bottom_pct=6.0,
         cjk_font="Noto Serif CJK SC", latin_font="Liberation Serif", masthead="two-column", organ_pt=15,
         udhr_pagenum="N/M", notes="UN look with a two-column masthead; synthesized raised small calls"),
    dict(id="ty-letter-sups-alt", producer="typst", page="Letter", margins_mm=(25, 25, 25, 25),
         body_pt=11, footnote_pt=9, line_spacing=1.3, header_from_top_pct=7.0, footer_from_bottom_pct=9.2,
         cjk_font="Noto Serif CJK SC", latin_font="Noto Serif", call="sups", header_alternate=True,
         footer_alternate=True, article_heading="left", udhr_header=False, udhr_breaks=[7],
         notes="calls are OpenType sups glyphs at full size on the baseline; header and footer alternate sides"),
    dict(id="ty-a5-spill", producer="typst", page="A5", margins_mm=(18, 15, 18, 18),
         body_pt=9, footnote_pt=8.5, line_spacing=1.0, space_pt=4, header_from_top_pct=3.0,
         footer_from_bottom_pct=3.0, first_top_mm=8, cjk_font="Noto Sans CJK SC", latin_font="Noto Sans",
         justified=False, extra_notes=SPILL4, num_indent_mm=8, preamble_even=True,
         notes="A5, four long notes; a note continues on the next page"),
    dict(id="ty-legal-centred", producer="typst", page="Legal", margins_mm=(35, 30, 35, 30),
         body_pt=12, footnote_pt=9, line_spacing=1.5, para_sep="indent", indent_pt=24,
         header_from_top_pct=15.0, footer_from_bottom_pct=15.0, cjk_font="AR PL UMing CN",
         latin_font="DejaVu Serif", heading_style="centred", heading_scale=1.2, call="sup83",
         masthead="two-column", organ_pt=16, article_heading="plain", udhr_pagenum="N/M", udhr_breaks=[2, 18],
         notes="centred larger headings; calls at 83 %; header and footer 15 % from the edges"),
    dict(id="ty-a4-noheader-full", producer="typst", page="A4", margins_mm=(30, 25, 25, 25),
         body_pt=10.5, footnote_pt=9.5, line_spacing=1.3, para_sep="both", space_pt=4, indent_pt=15,
         running_header=False, first_top_mm=20, footer_from_bottom_pct=12.0, cjk_font="WenQuanYi Micro Hei",
         latin_font="Liberation Sans", separator="full", extra_notes=THREE_B, num_style="hanging",
         article_heading="left", udhr_footer_align="right",
         notes="no running header; full-width separator; continuation lines under the text"),
    dict(id="ty-a5-sups-sans", producer="typst", page="A5", margins_mm=(20, 14, 22, 18),
         body_pt=10, footnote_pt=9.5, line_spacing=1.15, space_pt=4, header_from_top_pct=10.0,
         footer_from_bottom_pct=16.0, cjk_font="Noto Sans CJK SC", latin_font="Noto Sans", call="sups",
         header_title=True, footer_alternate=True, num_indent_mm=8, justified=False,
         notes="A5, notes 0.95 of the body; sups calls; running header with symbol and short title"),
    dict(id="ty-b5-smallcaps-top", producer="typst", page="B5", margins_mm=(24, 20, 22, 26),
         body_pt=9.5, footnote_pt=8, line_spacing=1.4, space_pt=2, header_from_top_pct=5.0,
         footer_from_bottom_pct=2.5, cjk_font="Noto Serif CJK SC", latin_font="Noto Serif",
         heading_font="smallcaps", separator="40%", pagenum_in_header=True, pagenum="Page N",
         udhr_article_titles=True, udhr_pagenum="N", latin_in_cjk=True,
         notes="B5; small-caps regular headings; page number in the header ('Page N'); footer 2.5 %; separator 40 %; "
               "udhr: every Article heading followed by an italic title line"),
    dict(id="ty-a6-sans-uming", producer="typst", page="A6", margins_mm=(14, 10, 14, 18), first_top_mm=6,
         body_pt=8.5, footnote_pt=7.5, line_spacing=1.05, space_pt=3, header_from_top_pct=2.0,
         footer_from_bottom_pct=12.0, cjk_font="AR PL UMing CN", latin_font="Noto Sans", justified=False,
         separator="none", num_style="margin", num_indent_mm=6, call="sups", zh_latin_pt=7.5,
         masthead="two-column", organ_pt=12, header_pt=7.5, footer_pt=7, extra_notes=TWO, symbol_pt=10.5,
         latin_in_cjk=True,
         notes="A6; sans Latin + serif CJK (UMing); zh Latin runs 7.5 pt; numbers in the margin; no separator; "
               "header 2 %"),
    # ------------------------------------------------------------ WeasyPrint
    dict(id="wp-a4-sup83", producer="weasyprint", page="A4", margins_mm=(28, 22, 28, 30),
         body_pt=10, footnote_pt=8, line_spacing=1.15, header_from_top_pct=6.0, footer_from_bottom_pct=9.2,
         cjk_font="Noto Serif CJK SC", latin_font="Liberation Serif", masthead="two-column", organ_pt=15,
         call="sup83", separator="full", udhr_pagenum="N/M",
         notes="HTML sup at 83 %; footnote area with a full-width border-top; masthead in floats"),
    dict(id="wp-letter-fvp-alt", producer="weasyprint", page="Letter", margins_mm=(30, 25, 30, 25),
         body_pt=10.5, footnote_pt=9, line_spacing=1.15, header_from_top_pct=12.0, footer_from_bottom_pct=3.0,
         cjk_font="Noto Serif CJK SC", latin_font="Noto Serif", call="sups", separator="full",
         header_alternate=True, footer_alternate=True, article_heading="left", udhr_header=False,
         udhr_breaks=[5, 20], notes="font-variant-position: super (sups glyphs); sides alternate"),
    dict(id="wp-a5-halfpage", producer="weasyprint", page="A5", margins_mm=(18, 14, 20, 18),
         body_pt=9, footnote_pt=8.5, line_spacing=1.0, space_pt=3, header_from_top_pct=5.0,
         footer_from_bottom_pct=6.0, cjk_font="Noto Sans CJK SC", latin_font="Noto Sans", justified=False,
         masthead="two-column", organ_pt=14, call="sup83", separator="full", extra_notes=HALF4,
         num_indent_mm=8, preamble_even=True,
         notes="A5; four long notes near paragraphs 21-22 fill about half a page (WeasyPrint never splits a note)"),
    dict(id="wp-legal-indent", producer="weasyprint", page="Legal", margins_mm=(35, 35, 35, 40),
         body_pt=12, footnote_pt=9, line_spacing=1.5, para_sep="indent", indent_pt=24,
         header_from_top_pct=9.2, footer_from_bottom_pct=15.0, cjk_font="WenQuanYi Micro Hei",
         latin_font="DejaVu Sans", justified=False, num_style="hanging", separator="full", header_title=True,
         article_heading="plain", udhr_pagenum="N/M", udhr_breaks=[11],
         notes="first-line indent, no spacing; sans; running header with symbol and short title"),
    dict(id="wp-a4-asym-uming", producer="weasyprint", page="A4", margins_mm=(25, 35, 25, 18),
         body_pt=10.5, footnote_pt=9, line_spacing=1.0, para_sep="both", space_pt=4, indent_pt=14,
         header_from_top_pct=3.0, footer_from_bottom_pct=4.0, first_top_mm=8, cjk_font="AR PL UMing CN",
         latin_font="DejaVu Serif", heading_style="centred", heading_scale=1.2, separator="full",
         extra_notes=THREE, notes="asymmetric margins (wide right); centred larger headings"),
    dict(id="wp-a5-serif", producer="weasyprint", page="A5", margins_mm=(20, 15, 20, 18),
         body_pt=10.5, footnote_pt=8, line_spacing=1.3, para_sep="both", space_pt=3, indent_pt=12,
         header_from_top_pct=8.0, footer_from_bottom_pct=12.0, cjk_font="Noto Serif CJK SC",
         latin_font="Liberation Serif", call="raised-small", separator="full", num_indent_mm=8,
         udhr_footer_align="right", notes="A5 serif, notes 0.76 of the body, raised small calls at 58 %"),
    dict(id="wp-b5-zhlatin-italic", producer="weasyprint", page="B5", margins_mm=(22, 20, 22, 26),
         body_pt=10, footnote_pt=7, line_spacing=1.05, para_sep="both", space_pt=4, indent_pt=14,
         header_from_top_pct=4.0, footer_from_bottom_pct=4.0, cjk_font="Noto Serif CJK SC", latin_font="DejaVu Sans",
         zh_latin_pt=8.5, heading_font="italic", separator="none", pagenum="Page N", furniture_side="right",
         extra_notes=[("p33", 0), ("p36", 1)], article_heading="left",
         notes="B5; zh Latin runs 8.5 pt in 10 pt CJK, justified; italic headings; no separator; header and footer "
               "both on the right; 'Page N'; sans Latin with serif CJK"),
    dict(id="wp-170x240-margin", producer="weasyprint", page="170x240mm", margins_mm=(22, 18, 22, 30),
         body_pt=10.5, footnote_pt=8, line_spacing=1.4, space_pt=2, header_from_top_pct=2.0,
         footer_from_bottom_pct=18.0, cjk_font="WenQuanYi Micro Hei", latin_font="Liberation Serif",
         num_style="margin", num_indent_mm=9, separator="40%", masthead="two-column", organ_pt=18,
         pagenum="-N-", article_heading="plain", udhr_breaks=[6, 22],
         notes="170 x 240 mm; numbers in the margin; line spacing 1.4; 2 pt spacing; header 2 % / footer 18 %; "
               "separator 40 % (WeasyPrint: an SVG background image of the note area); organ 18 pt"),
    # ------------------------------------------------------------ Chromium + Paged.js
    dict(id="ch-b5-margin-italic", producer="chromium", page="B5", margins_mm=(22, 20, 22, 32),
         body_pt=9.5, footnote_pt=7.5, line_spacing=1.4, space_pt=2, header_from_top_pct=2.0,
         footer_from_bottom_pct=7.0, cjk_font="Noto Serif CJK SC", latin_font="Noto Serif",
         num_style="margin", num_indent_mm=9, heading_font="italic", separator="40%",
         masthead="two-column", organ_pt=18, pagenum="-N-",
         notes="Paged.js in Chromium; B5; paragraph numbers in the left margin; italic (not bold) headings; "
               "separator 40 % wide; header 2 % from the top; two-column masthead, organ 18 pt"),
    dict(id="ch-a6-narrow", producer="chromium", page="A6", margins_mm=(14, 10, 14, 14), first_top_mm=6,
         body_pt=8.5, footnote_pt=7, line_spacing=1.05, space_pt=3, header_from_top_pct=4.0,
         footer_from_bottom_pct=5.0, cjk_font="Noto Sans CJK SC", latin_font="Noto Sans", justified=False,
         separator="none", pagenum="Page N", furniture_side="left", num_indent_mm=6, extra_notes=TWO,
         call="sup83", organ_pt=11, header_pt=7.5, footer_pt=7,
         notes="Paged.js in Chromium; A6, very narrow column; no separator rule; header and footer both on the left; "
               "page numbers 'Page N'"),
    dict(id="ch-letter-smallcaps", producer="chromium", page="Letter", margins_mm=(25, 25, 25, 25),
         body_pt=11.5, footnote_pt=7, line_spacing=1.15, para_sep="indent", indent_pt=18,
         header_from_top_pct=6.0, footer_from_bottom_pct=4.0, cjk_font="Noto Serif CJK SC", latin_font="Noto Sans",
         heading_font="smallcaps", pagenum_in_header=True, call="sup83", separator="full",
         udhr_article_titles=True, article_heading="left", extra_notes=THREE_C,
         notes="Paged.js in Chromium; notes 7 pt under 11.5 pt (0.61); small-caps (smcp) regular-weight headings; "
               "sans Latin with serif CJK; page number in the header opposite the symbol; "
               "udhr: every Article heading followed by an italic title line"),
    dict(id="ch-6x9-zhlatin", producer="chromium", page="6x9in", margins_mm=(20, 16, 20, 20),
         body_pt=10, footnote_pt=8, line_spacing=1.25, space_pt=5, header_from_top_pct=3.5,
         footer_from_bottom_pct=18.0, cjk_font="AR PL UMing CN", latin_font="Noto Serif", zh_latin_pt=8.5,
         call="sups", separator="short", masthead="two-column", organ_pt=16, num_indent_mm=8,
         udhr_breaks=[4, 16], udhr_pagenum="N/M",
         notes="Paged.js in Chromium; 6x9 in; zh: Latin runs 8.5 pt in 10 pt CJK, justified; footer 18 % from the bottom; "
               "sups calls"),
]


def all_layouts():
    out = []
    for lay in LAYOUTS:
        d = dict(DEFAULTS)
        d.update(lay)
        out.append(d)
    ids = [x["id"] for x in out]
    assert len(set(ids)) == len(ids)
    return out
