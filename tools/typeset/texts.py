"""The texts to typeset, as one producer-neutral model.

`load_cac(gold_path, lang, extra)` reads the gold file of CAC/COSP/WG.4/2017/4 (zh, en)
and `load_udhr(xml_path, lang)` the udhr-in-unicode XML (zh, en, ar, ru, fr, es, all
read the same way); both give a `Doc`: front matter,
blocks in reading order, each block a list of segments (plain strings and `Note`s, a
note being called right where it stands). Footnote markers are numbered 1, 2, 3 ... in
reading order, the way every producer numbers them itself.
"""
from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Optional

SYMBOL = "CAC/COSP/WG.4/2017/4"
UDHR_LANGS = ("zh", "en", "ar", "ru", "fr", "es")  # the udhr languages, in the order typeset
RTL_LANGS = {"ar"}


@dataclass
class Note:
    marker: str
    text: str
    block: object  # gold block id (cac) or 0-based block index (udhr)


@dataclass
class Block:
    kind: str  # title | heading | paragraph | item | line | text
    segments: list  # str | Note
    label: Optional[str] = None
    number: Optional[str] = None
    level: Optional[int] = None
    ref: object = None  # gold id (cac) / block index (udhr)
    role: str = ""  # udhr: title, note, preamble-heading, preamble, article-heading, article, item

    def plain(self) -> str:
        return "".join(s for s in self.segments if isinstance(s, str))


@dataclass
class Doc:
    text: str  # cac | udhr
    lang: str  # zh | en (cac); zh | en | ar | ru | fr | es (udhr)
    blocks: list
    front: dict = field(default_factory=dict)
    notes: list = field(default_factory=list)

    @property
    def rtl(self) -> bool:
        return self.lang in RTL_LANGS


def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------- cac

def _cac_front(gold: dict, lang: str) -> dict:
    m = gold["meta"][lang]
    letter = "C" if lang == "zh" else "E"
    distr = ["Distr.: " + m["distribution"], m["date_en"]]
    if m.get("language_line"):
        distr.append(m["language_line"])
    distr.append("Original: " + m["original"])
    return {
        "un": "联合国" if lang == "zh" else "United Nations",
        "symbol": gold["symbol"],
        "organ": list(m["organ"]),
        "distr": distr,
        "title": m["title"],
        "short_title": "预防腐败问题工作组会议报告" if lang == "zh"
        else "Working Group on the Prevention of Corruption",
        "job_number": gold["job_number"],
        "job_line": f"{gold['job_number']} ({letter}) 290817 300817",
        "barcode": "*" + re.sub(r"\D", "", gold["job_number"]) + "*",
    }


def extra_note_sources(gold: dict):
    """Paragraphs whose texts serve as extra footnote texts: 300-600 characters in en."""
    return [b for b in gold["blocks"]
            if b["kind"] == "paragraph" and 300 <= len(b["en"]) <= 600 and int(b["number"]) >= 40]


def _sentence_end(block: dict, group: int) -> dict:
    """Offsets (zh, en) right after the end of sentence-link group `group`."""
    s = block["sentences"]
    links = s["links"]
    g = links[min(group, len(links) - 1)]
    zi, ei = max(g[0]), max(g[1])
    zh_off = len("".join(s["zh"][: zi + 1]))
    en_off = len(" ".join(s["en"][: ei + 1]))
    assert block["zh"][:zh_off] == "".join(s["zh"][: zi + 1])
    assert block["en"][:en_off] == " ".join(s["en"][: ei + 1])
    return {"zh": zh_off, "en": en_off}


def cac_notes(gold: dict, extra: list):
    """All footnotes of a cac layout, in reading order: list of
    (block_id, {lang: offset}, {lang: text}). `extra` = [(block_id, sentence_group), ...]."""
    by_id = {b["id"]: b for b in gold["blocks"]}
    order = {b["id"]: i for i, b in enumerate(gold["blocks"])}
    notes = []
    for b in gold["blocks"]:
        for fn in b["footnotes"]:
            offs = {}
            for lang in ("zh", "en"):
                after = fn["after_" + lang]
                i = b[lang].find(after)
                assert i >= 0 and b[lang].find(after, i + 1) < 0, (b["id"], after)
                offs[lang] = i + len(after)
            notes.append((b["id"], offs, dict(gold["footnote_texts"][fn["marker"]])))
    sources = extra_note_sources(gold)
    for k, (bid, group) in enumerate(extra):
        b = by_id[bid]
        src = sources[(k * 5 + 3) % len(sources)]
        notes.append((bid, _sentence_end(b, group), {"zh": src["zh"], "en": src["en"]}))
    notes.sort(key=lambda n: (order[n[0]], n[1]["en"]))
    # zh must come out in the same order
    zh_order = sorted(notes, key=lambda n: (order[n[0]], n[1]["zh"]))
    assert zh_order == notes, "extra note order differs between zh and en"
    return notes


def load_cac(gold_path: str, lang: str, extra: list) -> Doc:
    gold = json.load(open(gold_path, encoding="utf-8"))
    notes = cac_notes(gold, extra)
    doc = Doc(text="cac", lang=lang, blocks=[], front=_cac_front(gold, lang))
    per_block = {}
    for i, (bid, offs, texts) in enumerate(notes):
        note = Note(marker=str(i + 1), text=texts[lang], block=bid)
        doc.notes.append(note)
        per_block.setdefault(bid, []).append((offs[lang], note))
    for b in gold["blocks"]:
        text = b[lang]
        segs, pos = [], 0
        for off, note in sorted(per_block.get(b["id"], []), key=lambda x: x[0]):
            segs.append(text[pos:off])
            segs.append(note)
            pos = off
        segs.append(text[pos:])
        segs = [s for s in segs if not (isinstance(s, str) and s == "")]
        doc.blocks.append(Block(kind=b["kind"], segments=segs, label=b["label"][lang],
                                number=b["number"], level=b["level"], ref=b["id"]))
    return doc


def cac_truth_notes(gold_path: str, extra: list):
    gold = json.load(open(gold_path, encoding="utf-8"))
    return [{"marker": str(i + 1), "block": bid, "zh": t["zh"], "en": t["en"]}
            for i, (bid, _o, t) in enumerate(cac_notes(gold, extra))]


# ---------------------------------------------------------------- udhr

NS = "{http://www.unhchr.ch/udhr}"


def _txt(el) -> str:
    return _ws("".join(el.itertext()))


def load_udhr(xml_path: str, lang: str) -> Doc:
    root = ET.parse(xml_path).getroot()
    blocks = []

    def add(kind, text, role, label=None, number=None):
        blocks.append(Block(kind=kind, segments=[text], label=label, number=number,
                            ref=len(blocks), role=role))

    for el in root:
        tag = el.tag.replace(NS, "")
        if tag == "title":
            add("text", _txt(el), "title")
        elif tag == "note":
            for p in el.iter(NS + "para"):
                add("text", _txt(p), "note")
        elif tag == "preamble":
            for c in el:
                ct = c.tag.replace(NS, "")
                if ct == "title":
                    add("heading", _txt(c), "preamble-heading")
                elif ct == "para":
                    add("text", _txt(c), "preamble")
        elif tag == "article":
            for c in el:
                ct = c.tag.replace(NS, "")
                if ct == "title":
                    add("heading", _txt(c), "article-heading", number=el.get("number"))
                elif ct == "para":
                    add("text", _txt(c), "article")
                elif ct == "orderedlist":
                    for k, li in enumerate(c.iter(NS + "listitem")):
                        add("item", _txt(li), "item", label=li.get("tag") or f"{k + 1}.")
    title = blocks[0].plain() if blocks else ""
    # the running title: the XML's title (for zh and en the same words)
    running = {"zh": "世界人权宣言", "en": "Universal Declaration of Human Rights"}.get(lang, title)
    front = {"title": title, "running": running}
    return Doc(text="udhr", lang=lang, blocks=blocks, front=front)


# short article titles (a line under each `Article N` heading in some layouts; not part of
# the XML, so not a block of the truth)
ARTICLE_TITLES = [
    ("Free and equal", "人人生而自由平等"), ("Freedom from discrimination", "不受歧视"),
    ("Right to life", "生命权"), ("Freedom from slavery", "免于奴役"),
    ("Freedom from torture", "免于酷刑"), ("Recognition before the law", "法律人格"),
    ("Equality before the law", "法律面前平等"), ("Access to justice", "获得有效补救"),
    ("Freedom from arbitrary detention", "免于任意拘禁"), ("Right to a fair trial", "公正审判"),
    ("Presumption of innocence", "无罪推定"), ("Right to privacy", "隐私权"),
    ("Freedom of movement", "迁徙自由"), ("Right to asylum", "庇护权"),
    ("Right to a nationality", "国籍权"), ("Marriage and family", "婚姻和家庭"),
    ("Right to property", "财产权"), ("Freedom of thought and religion", "思想和宗教自由"),
    ("Freedom of opinion and expression", "主张和发表意见的自由"), ("Freedom of assembly", "集会和结社自由"),
    ("Right to take part in government", "参与政治"), ("Right to social security", "社会保障"),
    ("Right to work", "工作权"), ("Right to rest and leisure", "休息和闲暇"),
    ("Adequate standard of living", "适当生活水准"), ("Right to education", "受教育权"),
    ("Cultural life", "文化生活"), ("Social and international order", "社会和国际秩序"),
    ("Duties to the community", "对社会的义务"), ("No destruction of rights", "不得破坏权利"),
]


def article_title(number, lang: str):
    """The short title of an article (zh, en); None for the other languages, which have
    none (their layouts leave the line out)."""
    if lang not in ("zh", "en"):
        return None
    en, zh = ARTICLE_TITLES[int(number) - 1]
    return zh if lang == "zh" else en


LATIN_RUN = re.compile(r"[A-Za-z0-9][A-Za-z0-9 .,/()\-:;'’%]*[A-Za-z0-9).]|[A-Za-z0-9]")
