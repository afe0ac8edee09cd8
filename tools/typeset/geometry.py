"""Page sizes, font look-up and font metrics, and the resolved geometry of a layout."""
from __future__ import annotations

import functools
import subprocess

PAGES = {  # width, height in PDF points
    "A4": (595.28, 841.89),
    "Letter": (612.0, 792.0),
    "A5": (419.53, 595.28),
    "Legal": (612.0, 1008.0),
    "B5": (498.90, 708.66),
    "A6": (297.64, 419.53),
    "6x9in": (432.0, 648.0),
    "170x240mm": (481.89, 680.31),
}

# Chromium prints a CSS page size as the nearest standard paper, in whole 1/300 in
# (0.24 pt): A6 297.64 x 419.53 comes out 298.08 x 420. Its layouts use the sizes it
# prints (Chromium 156; prod_chromium checks every PDF against them).
CHROMIUM_PAGES = {
    "A4": (594.96, 841.92),
    "Letter": (612.0, 792.0),
    "A5": (420.0, 594.96),
    "Legal": (612.0, 1008.0),
    "B5": (498.96, 708.96),
    "A6": (298.08, 420.0),
    "6x9in": (432.0, 648.0),
    "170x240mm": (481.92, 679.92),
}

MM = 72 / 25.4


class Missing(Exception):
    pass


@functools.lru_cache(maxsize=None)
def font_file(family: str, style: str = "Regular") -> tuple:
    """(path, index) of an installed font family, or Missing."""
    try:
        out = subprocess.run(["fc-match", "-f", "%{family}\t%{file}\t%{index}",
                              f"{family}:style={style}"], capture_output=True, text=True,
                             check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        raise Missing(f"fontconfig (fc-match) is needed to find fonts: {e}")
    fams, path, index = out.split("\t")
    if family.lower() not in [f.strip().lower() for f in fams.split(",")]:
        raise Missing(f"font '{family}' is not installed (fc-match gives '{fams}'); "
                      "see tools/typeset/README.md for the packages")
    return path, int(index or 0)


@functools.lru_cache(maxsize=None)
def metrics(family: str) -> dict:
    """Ascent/descent of a family's regular face as fractions of the em (positive numbers):
    hhea, OS/2 win and typo values."""
    from fontTools.ttLib import TTFont
    path, index = font_file(family)
    f = TTFont(path, fontNumber=index, lazy=True)
    upm = f["head"].unitsPerEm
    hhea, os2 = f["hhea"], f["OS/2"]
    return {
        "hhea": (hhea.ascent / upm, -hhea.descent / upm, hhea.lineGap / upm),
        "win": (os2.usWinAscent / upm, os2.usWinDescent / upm, 0.0),
        "typo": (os2.sTypoAscender / upm, -os2.sTypoDescender / upm, os2.sTypoLineGap / upm),
        "use_typo": bool(os2.fsSelection & (1 << 7)),
    }


def resolve(layout: dict) -> dict:
    """Layout as data (layouts.py) -> geometry in points used by every producer."""
    g = dict(layout)
    w, h = (CHROMIUM_PAGES if layout.get("producer") == "chromium" else PAGES)[layout["page"]]
    g["W"], g["H"] = w, h
    m = layout["margins_mm"]  # top, right, bottom, left of the body frame on later pages
    g["mt"], g["mr"], g["mb"], g["ml"] = (v * MM for v in m)
    g["first_top"] = layout.get("first_top_mm", 12) * MM
    g["hdr_pt"] = layout.get("header_pt", 9.0)
    g["ftr_pt"] = layout.get("footer_pt", 8.0)
    # furniture baselines: distance of the baseline from the top edge (header) and from
    # the bottom edge (footer; on page 1 the barcode line, the job line 1.2 % higher)
    g["hdr_base"] = h * layout["header_from_top_pct"] / 100 if layout.get("running_header", True) else None
    g["ftr_base"] = h * layout["footer_from_bottom_pct"] / 100
    g["job_gap"] = h * 0.012
    # the body frame must clear the furniture
    if g["hdr_base"] is not None:
        g["mt"] = max(g["mt"], g["hdr_base"] + 1.6 * g["hdr_pt"])
    g["mb"] = max(g["mb"], g["ftr_base"] + g["job_gap"] + 1.6 * g["ftr_pt"])
    g["first_top"] = min(g["first_top"], g["mt"]) if g["hdr_base"] is None else g["first_top"]
    g["ni"] = layout.get("num_indent_mm", 10) * MM  # paragraph-number tab / text indent
    g["text_w"] = w - g["ml"] - g["mr"]
    return g


# `Page N` in each language (zh: 第 N 页)
PAGE_WORD = {"en": "Page", "fr": "Page", "es": "Página", "ru": "Стр.", "ar": "صفحة"}

ARABIC_FONT = "Noto Naskh Arabic"


def pn_str(fmt: str, n, m, lang: str) -> str:
    """A page number as printed: N/M, - N -, Page N (zh 第 N 页, es Página N, ru Стр. N,
    ar صفحة N), N. `n` and `m` are numbers, or the producers' markup for them (a
    LibreOffice page-number field)."""
    if fmt == "N/M":
        return f"{n}/{m}"
    if fmt == "-N-":
        return f"- {n} -"
    if fmt == "Page N":
        return f"第 {n} 页" if lang == "zh" else f"{PAGE_WORD.get(lang, 'Page')} {n}"
    return str(n)


CYRILLIC = [chr(c) for c in range(0x410, 0x450)] + ["Ё", "ё"]


@functools.lru_cache(maxsize=None)
def covers(family: str, chars: str) -> bool:
    """Whether a family's regular and bold faces have a glyph for every one of chars."""
    from fontTools.ttLib import TTFont
    for style in ("Regular", "Bold"):
        path, index = font_file(family, style)
        cmap = TTFont(path, fontNumber=index, lazy=True).getBestCmap()
        if any(ord(c) not in cmap for c in chars):
            return False
    return True


def text_font(layout: dict, lang: str) -> str:
    """The main font of a language's text in a layout: the CJK font (zh); Noto Naskh
    Arabic (ar); the Latin font (en, fr, es; ru too when it covers Cyrillic, as all the
    layouts' Latin fonts do, else DejaVu Sans or DejaVu Serif after its name)."""
    if lang == "zh":
        return layout["cjk_font"]
    if lang == "ar":
        return ARABIC_FONT
    latin = layout["latin_font"]
    if lang == "ru" and not covers(latin, "".join(CYRILLIC)):
        return "DejaVu Sans" if "Sans" in latin else "DejaVu Serif"
    return latin
