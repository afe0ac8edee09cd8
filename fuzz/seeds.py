#!/usr/bin/env python3
"""Builds the seed folders of the fuzz targets (target/fuzz-seeds/TARGET/) from the
committed fixtures and, when present, ../shared/corpus. Nothing here is committed as a
seed: the seeds are made from the documents every time.

pdf: the small PDFs (< 200 KB); content: decoded page content streams of those PDFs;
cmap: their decoded ToUnicode / embedded CMaps; docx: the parts of the fixture and
corpus DOCX files (document, numbering, footnotes, styles, a header) joined as the
docx target reads them; xml: the UN Parallel Corpus fixture, the UDHR XML, the UNDL
MARC XML; sentences: paragraphs of the UDHR in Chinese and English."""
import os
import re
import sys
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "target", "fuzz-seeds")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
SEPARATOR = b"\n@@PART@@\n"
PARTS = ["word/document.xml", "word/numbering.xml", "word/footnotes.xml",
         "word/styles.xml", "word/header1.xml"]
MAX_SEED = 200 * 1024
MAX_SEEDS = 40


def files(*folders, ext):
    for folder in folders:
        for dirpath, _, names in os.walk(folder):
            for n in sorted(names):
                if n.lower().endswith(ext):
                    yield os.path.join(dirpath, n)


def put(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def streams(pdf):
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", pdf, re.S):
        raw = m.group(1)
        try:
            yield zlib.decompress(raw)
        except zlib.error:
            yield raw


def main():
    fixtures = os.path.join(ROOT, "fixtures")
    corpus = [CORPUS] if os.path.isdir(CORPUS) else []
    pdfs = [p for p in files(fixtures, *corpus, ext=".pdf") if os.path.getsize(p) <= MAX_SEED]
    for i, p in enumerate(pdfs):
        data = open(p, "rb").read()
        put("pdf", f"{i:03}-{os.path.basename(p)}", data)
        for j, s in enumerate(streams(data)):
            if len(s) > 64 * 1024:
                continue
            if b"Tj" in s or b"TJ" in s:
                put("content", f"{i:03}-{j:03}", s)
            if b"beginbfchar" in s or b"beginbfrange" in s or b"begincidrange" in s:
                put("cmap", f"{i:03}-{j:03}", s)
    for i, p in enumerate(files(fixtures, *corpus, ext=".docx")):
        try:
            z = zipfile.ZipFile(p)
        except zipfile.BadZipFile:
            continue
        names = set(z.namelist())
        parts = [z.read(n)[:MAX_SEED] if n in names else b"" for n in PARTS]
        put("docx", f"{i:03}-{os.path.basename(p)}", SEPARATOR.join(parts))
    # A small package with automatic numbering at three levels, a footnote and a header.
    numbering = (b'<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 b'<w:abstractNum w:abstractNumId="0">'
                 b'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
                 b'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'
                 b'<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>'
                 b'</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    w = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    para = lambda lvl, text: (b'<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                              b'<w:r><w:t>%s</w:t></w:r></w:p>' % (lvl, text))
    document = (b'<w:document ' + w + b'><w:body>'
                + b'<w:p><w:r><w:t>General Assembly</w:t></w:r></w:p>'
                + para(0, b'Decides to continue.') + para(1, b'To report;')
                + para(2, b'On the work.')
                + b'<w:p><w:r><w:t>Notes</w:t></w:r><w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
                + b'</w:body></w:document>')
    footnotes = (b'<w:footnotes ' + w + b'><w:footnote w:id="1"><w:p><w:r><w:t>A/72/5.</w:t></w:r></w:p>'
                 b'</w:footnote></w:footnotes>')
    header = b'<w:hdr ' + w + b'><w:p><w:r><w:t>A/80/1</w:t></w:r></w:p></w:hdr>'
    put("docx", "numbered", SEPARATOR.join([document, numbering, footnotes, b"", header]))
    xml_inputs = [os.path.join(fixtures, "unpc", n) for n in ("zh.xml", "en.xml")]
    xml_inputs += [p for p in files(*corpus, ext=".xml") if os.path.getsize(p) <= MAX_SEED]
    for i, p in enumerate(xml_inputs):
        put("xml", f"{i:03}-{os.path.basename(p)}", open(p, "rb").read())
    udhr = os.path.join(CORPUS, "udhr-xml")
    texts = [b"The General Assembly, Recalling its resolution 72/5 of 10 November 2017, "
             b"decides to continue (see A/72/5, para. 3). Mr. Smith et al. agreed.",
             "大会，回顾其2017年11月10日第72/5号决议。决定继续审议！秘书长的报告（A/72/5）。".encode()]
    for lang in ("zh", "en"):
        p = os.path.join(udhr, f"{lang}.xml")
        if os.path.exists(p):
            paras = re.findall(rb"<para>(.*?)</para>", open(p, "rb").read(), re.S)
            texts += paras[:12]
    for i, t in enumerate(texts):
        put("sentences", f"{i:03}", t)
    # At most MAX_SEEDS per target, spread over the inputs (AFL calibrates every seed).
    for t in sorted(os.listdir(OUT)):
        names = sorted(os.listdir(os.path.join(OUT, t)))
        if len(names) > MAX_SEEDS:
            keep = set(names[:: max(1, len(names) // MAX_SEEDS)][:MAX_SEEDS])
            for n in names:
                if n not in keep:
                    os.remove(os.path.join(OUT, t, n))
    for t in sorted(os.listdir(OUT)):
        print(f"{t}: {len(os.listdir(os.path.join(OUT, t)))} seeds")


if __name__ == "__main__":
    sys.exit(main())
