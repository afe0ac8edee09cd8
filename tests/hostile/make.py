#!/usr/bin/env python3
"""Writes the hostile inputs of issue 13 into OUT (made at test time; nothing binary is
committed). Usage: python3 make.py OUT [FIXTURE_PDF]

Each file is named for what it holds. PDFs are written by hand (objects, xref) so that
every defect is exactly the one named."""
import os
import random
import sys
import zipfile
import zlib

out = sys.argv[1]
fixture = sys.argv[2] if len(sys.argv) > 2 else None
os.makedirs(out, exist_ok=True)


def put(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


def pdf(objects, root=1, extra_trailer=b"", xref=True):
    """A PDF of `objects` (bytes bodies, numbered from 1) with a correct xref table."""
    body = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for i, o in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    start = len(body)
    if xref:
        body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
        for off in offsets:
            body += b"%010d 00000 n \n" % off
    body += (b"trailer\n<< /Size %d /Root %d 0 R " % (len(objects) + 1, root)
             + extra_trailer + b">>\nstartxref\n%d\n%%%%EOF\n" % start)
    return body


def stream(data, dict_extra=b""):
    return b"<< /Length %d " % len(data) + dict_extra + b">>\nstream\n" + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
TEXT = b"BT /F1 12 Tf 72 720 Td (The General Assembly decides to continue.) Tj ET"


def page_pdf(content, resources=b"<< /Font << /F1 4 0 R >> >>", extra=(), content_dict=b""):
    """Catalog 1, Pages 2, Page 3, Font 4, Contents 5, then `extra` objects from 6."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
        + resources + b" /Contents 5 0 R >>",
        FONT,
        stream(content, content_dict),
    ]
    return pdf(objs + list(extra))


def repeat_deflate(unit, count, chunk=1 << 20):
    """zlib data inflating to `unit` repeated `count` times, made fast: after a full
    flush every chunk of the same bytes compresses to the same bytes, so they are
    repeated instead of compressed. The Adler-32 at the end is that of the chunks
    actually compressed, so a reader that checks it finds damage at the very end,
    after the whole bomb."""
    per = max(1, chunk // len(unit))
    n = max(1, count // per)
    block = unit * per
    c = zlib.compressobj(9)
    head = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    return head + again * (n - 1) + c.flush(zlib.Z_FINISH)


def zeros_deflate(total):
    """zlib data inflating to `total` zero bytes (see `repeat_deflate`)."""
    return repeat_deflate(b"\0" * 1024, total // 1024)


def main():
    rnd = random.Random(13)
    put("zero-bytes.pdf", b"")
    put("random-bytes.pdf", bytes(rnd.getrandbits(8) for _ in range(64 * 1024)))
    put("random-after-header.pdf", b"%PDF-1.7\n" + bytes(rnd.getrandbits(8) for _ in range(64 * 1024)))
    put("text-only.pdf", page_pdf(TEXT))
    good = page_pdf(TEXT)
    # An xref whose offsets point past the end of the file.
    bad = good.replace(b"0000000009 00000 n", b"9999999999 00000 n")
    i = bad.rfind(b"startxref\n")
    put("xref-outside-file.pdf", bad[: i] + b"startxref\n99999999999\n%%EOF\n")
    # A stream whose /Length is 2^62.
    put("length-2e62.pdf", good.replace(b"<< /Length %d >>" % len(TEXT), b"<< /Length 4611686018427387904 >>"))
    # A flate bomb: [/FlateDecode /FlateDecode] over 10 GiB of zeros, about 10 KB.
    inner = zeros_deflate(10 << 30)
    outer = zlib.compress(inner, 9)
    put("flate-bomb-10g.pdf", page_pdf(outer, content_dict=b"/Filter [/FlateDecode /FlateDecode] "))
    one = zeros_deflate(4 << 30)
    put("flate-bomb-4g-single.pdf", page_pdf(one, content_dict=b"/Filter /FlateDecode "))
    # An object stream (PDF 32000-1 §7.5.7) that is a 4 GiB flate bomb: nothing refers
    # to an object in it, so it is never unpacked (poppler reads the page too) ...
    bomb = stream(zeros_deflate(4 << 30), b"/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode ")
    put("objstm-bomb.pdf", page_pdf(TEXT, extra=[bomb]))
    # ... but when the page refers to an object the file does not hold (7 0 R), which
    # may be in an object stream, the file is loaded in full and the bomb is met.
    put("objstm-bomb-needed.pdf", page_pdf(
        TEXT, resources=b"<< /Font << /F1 4 0 R /F2 7 0 R >> >>", extra=[bomb]))
    # Self-referencing objects: an object that is a reference to itself; a page tree
    # whose Kids hold the Pages node itself; contents that are the page.
    put("self-reference.pdf", pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources 5 0 R >>",
        b"4 0 R",
        b"5 0 R",
    ]))
    # A Form XObject that draws itself.
    form = b"/X1 Do " + TEXT
    put("form-draws-itself.pdf", page_pdf(
        b"/X1 Do",
        resources=b"<< /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >>",
        extra=[stream(form, b"/Type /XObject /Subtype /Form /BBox [0 0 595 842] "
                      b"/Resources << /Font << /F1 4 0 R >> /XObject << /X1 6 0 R >> >> ")]))
    # A 10^6-deep array, in the content stream and as an object.
    deep = b"[" * 1_000_000 + b"]" * 1_000_000
    put("deep-array-content.pdf", page_pdf(deep + b" pop " + TEXT))
    put("deep-array-object.pdf", page_pdf(TEXT, extra=[deep]))
    # A ToUnicode CMap that is a flate bomb (1 GiB), and a FontFile2 that is one.
    cmap_bomb = zeros_deflate(1 << 30)
    t0 = (b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
          b"/DescendantFonts [7 0 R] /ToUnicode 8 0 R >>")
    cid = (b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo "
           b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 9 0 R /DW 1000 >>")
    desc = b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 /FontFile2 10 0 R >>"
    res = b"<< /Font << /F1 4 0 R /F2 6 0 R >> >>"
    draw = TEXT + b" BT /F2 12 Tf 72 700 Td <00010002> Tj ET"
    small = zlib.compress(b"/CIDInit /ProcSet findresource begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 1 beginbfchar <0001> <4E00> endbfchar endcmap")
    put("tounicode-bomb.pdf", page_pdf(draw, resources=res, extra=[
        t0, cid, stream(cmap_bomb, b"/Filter /FlateDecode "), desc, stream(b"")]))
    # No ToUnicode: the glyph names and cmap of the embedded program are read.
    put("fontfile2-bomb.pdf", page_pdf(draw, resources=res, extra=[
        t0.replace(b" /ToUnicode 8 0 R", b""), cid, stream(small, b"/Filter /FlateDecode "), desc,
        stream(zeros_deflate(1 << 30), b"/Filter /FlateDecode ")]))
    # A ToUnicode CMap of 10^7 bfrange entries, compressed.
    head = (b"/CIDInit /ProcSet findresource begin begincmap 1 begincodespacerange <0000> <FFFF> "
            b"endcodespacerange 10000000 beginbfrange\n")
    # One zlib stream: the head, 200 full-flushed blocks of 50 000 entries (each block
    # compresses to the same bytes after a full flush), the tail.
    c = zlib.compressobj(9)
    big = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    unit = b"<0001> <0001> <4E00>\n" * 50_000
    again = c.compress(unit) + c.flush(zlib.Z_FULL_FLUSH)
    big += again * 200 + c.compress(b"endbfrange endcmap") + c.flush(zlib.Z_FINISH)
    put("tounicode-1e7-bfrange.pdf", page_pdf(draw, resources=res, extra=[
        t0, cid, stream(big, b"/Filter /FlateDecode "), desc, stream(b"")]))
    # PDFs cut at every 5 % of their length.
    if fixture:
        data = open(fixture, "rb").read()
        for pct in range(5, 100, 5):
            put(f"cut-{pct:02}pct.pdf", data[: len(data) * pct // 100])
    # XML: billion laughs, an external entity, UTF-16 with a BOM.
    lol = b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    for k in range(1, 10):
        lol += b'<!ENTITY lol%d "%s">\n' % (k, (b"&lol%d;" % (k - 1) if k > 1 else b"&lol;") * 10)
    lol += b']>\n<document><para>&lol9;</para></document>\n'
    put("billion-laughs.xml", lol)
    put("external-entity.xml", b'<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        b'<udhr xmlns="http://www.unhchr.ch/udhr" key="eng" n="English" iso639-3="eng" dir="ltr">'
        b'<title>Universal Declaration</title><preamble><title>Preamble</title><para>&x; Whereas recognition.</para></preamble></udhr>\n')
    udhr16 = ('<?xml version="1.0" encoding="UTF-16"?>\n'
              '<udhr xmlns="http://www.unhchr.ch/udhr" key="eng" n="English" iso639-3="eng" dir="ltr">'
              '<title>Universal Declaration of Human Rights</title><preamble><title>Preamble</title>'
              '<para>Whereas recognition of the inherent dignity is the foundation of freedom.</para>'
              '</preamble><article number="1"><title>Article 1</title><para>All human beings are born '
              'free and equal in dignity and rights.</para></article></udhr>\n')
    put("utf16-bom.xml", b"\xff\xfe" + udhr16.encode("utf-16-le"))
    put("utf16be-bom.xml", b"\xfe\xff" + udhr16.encode("utf-16-be"))
    # DOCX: a zip bomb (1 GiB of spaces in document.xml), zip-slip names, numbering.
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def docx(name, document, numbering=None, extra=()):
        with zipfile.ZipFile(os.path.join(out, name), "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
            z.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
            if callable(document):
                document(z)
            else:
                z.writestr("word/document.xml", document)
            if numbering:
                z.writestr("word/numbering.xml", numbering)
            for n, d in extra:
                z.writestr(n, d)

    def paras(n, ilvl):
        p = f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>The Assembly decides.</w:t></w:r></w:p>'
        return f'<w:document {w}><w:body>' + p * n + '</w:body></w:document>'

    def numbering(ilvl, start=1, fmt="decimal"):
        return (f'<w:numbering {w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="{ilvl}">'
                f'<w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="%{min(ilvl, 8) + 1}."/></w:lvl>'
                f'</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')

    docx("numbering-ilvl-u32max.docx", paras(1, 4294967295), numbering(4294967295))
    docx("numbering-ilvl-1e6.docx", paras(1000, 1000000), numbering(1000000))
    docx("numbering-start-2e9-letter.docx", paras(3, 0), numbering(0, 2000000000, "lowerLetter"))
    docx("numbering-start-u32max-roman.docx", paras(3, 0), numbering(0, 4294967295, "upperRoman"))

    def bomb(z):
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<w:document {w}><w:body><w:p><w:r><w:t>'.encode())
            chunk = b" " * (1 << 20)
            for _ in range(1024):
                f.write(chunk)
            f.write(b'</w:t></w:r></w:p></w:body></w:document>')
    docx("zip-bomb.docx", bomb)
    docx("zip-slip.docx", paras(2, 0), extra=[("../../../../tmp/unpara-zip-slip.xml", "<x/>"),
                                              ("/etc/unpara-zip-slip.xml", "<x/>")])


main()
