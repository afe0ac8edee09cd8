//! The CJK decoding chain on PDFs built here: fonts with a predefined encoding CMap, no
//! `/ToUnicode` and no embedded program, as older Chinese, Japanese and Korean PDFs are
//! (code → CID through the bundled CMap, CID → Unicode through the collection's table).

mod common;

use lopdf::{dictionary, Document, Object, Stream};
use unpara_pdf::{read_pdf, ReadOptions};

/// A one-page PDF showing `codes` (hex) in a Type0 font with encoding `cmap` and
/// character collection `ordering` (Adobe-`ordering`).
fn pdf(cmap: &str, ordering: &str, codes: &str) -> Vec<u8> {
    pdf_with(Object::Name(cmap.as_bytes().to_vec()), ordering, codes)
}

/// The same with any `/Encoding` value (a name or an embedded CMap stream).
fn pdf_with(encoding: Object, ordering: &str, codes: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let encoding = match encoding {
        Object::Stream(s) => Object::Reference(doc.add_object(s)),
        other => other,
    };
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType0",
        "BaseFont" => "STSong-Light",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal(ordering),
            "Supplement" => 4,
        },
        "DW" => 1000,
    });
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "STSong-Light",
        "Encoding" => encoding,
        "DescendantFonts" => vec![cid_font.into()],
    });
    let content = format!("BT /F1 12 Tf 300 700 Td <{codes}> Tj ET");
    common::one_page(doc, font, Stream::new(dictionary! {}, content.into_bytes()))
}

fn text(bytes: &[u8]) -> (String, bool) {
    let layout = read_pdf(bytes, &ReadOptions::default()).expect("readable");
    assert_eq!(layout.undecodable_glyphs, 0, "{:?}", layout.warnings);
    let lines: Vec<String> = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text())
        .collect();
    let vertical = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .all(|l| l.vertical);
    (lines.join("\n"), vertical)
}

#[test]
fn gb_cmaps_through_adobe_gb1() {
    // 中国 in GBK/GB 2312 (EUC): D6D0 B9FA; "UN" as one-byte ASCII in GBK-EUC.
    for cmap in ["GBK-EUC-H", "GB-EUC-H", "GBpc-EUC-H", "GBK2K-H"] {
        assert_eq!(text(&pdf(cmap, "GB1", "D6D0B9FA")).0, "中国", "{cmap}");
    }
    assert_eq!(text(&pdf("GBK-EUC-H", "GB1", "554E")).0, "UN");
    // UCS-2 and UTF-16 CMaps: the codes are Unicode.
    assert_eq!(text(&pdf("UniGB-UCS2-H", "GB1", "4E2D56FD")).0, "中国");
    assert_eq!(text(&pdf("UniGB-UTF16-H", "GB1", "4E2D56FD")).0, "中国");
}

#[test]
fn vertical_cmaps_give_one_column_read_downwards() {
    for cmap in ["GBK-EUC-V", "GB-EUC-V", "GBK2K-V"] {
        let (t, vertical) = text(&pdf(cmap, "GB1", "D6D0B9FA"));
        assert_eq!(t, "中国", "{cmap}");
        assert!(vertical, "{cmap}: a -V CMap is vertical writing");
    }
    let (t, vertical) = text(&pdf("UniGB-UCS2-V", "GB1", "4E2D56FD"));
    assert_eq!((t.as_str(), vertical), ("中国", true));
}

#[test]
fn cns_japan_and_korea_collections() {
    // 中國 in Big5: A4A4 B0EA.
    assert_eq!(text(&pdf("ETen-B5-H", "CNS1", "A4A4B0EA")).0, "中國");
    assert_eq!(text(&pdf("UniCNS-UCS2-H", "CNS1", "4E2D570B")).0, "中國");
    // 日本 in Shift-JIS: 93FA 967B.
    assert_eq!(text(&pdf("90ms-RKSJ-H", "Japan1", "93FA967B")).0, "日本");
    assert_eq!(text(&pdf("UniJIS-UCS2-H", "Japan1", "65E5672C")).0, "日本");
    // 한국 in Unified Hangul Code (EUC-KR): C7D1 B1B9.
    assert_eq!(text(&pdf("KSCms-UHC-H", "Korea1", "C7D1B1B9")).0, "한국");
    assert_eq!(text(&pdf("UniKS-UCS2-H", "Korea1", "D55CAD6D")).0, "한국");
}

#[test]
fn identity_cmap_without_to_unicode_uses_the_collection_table() {
    // Identity-H: the code is the CID; Adobe-Japan1 CID 34 is "A" (its Roman range
    // starts at CID 1 = space). Producers also write the name without its -H.
    for cmap in ["Identity-H", "Identity"] {
        assert_eq!(text(&pdf(cmap, "Japan1", "0022")).0, "A", "{cmap}");
    }
}

#[test]
fn embedded_cmap_uses_a_bundled_one() {
    // An embedded CMap that only names its parent, and one that overrides a code: the
    // CID of GBK D6D0 (中) is taken for code 0x41 too.
    let only_parent = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n\
        /CMapName /Test-GBK def /GBK-EUC-H usecmap\n\
        endcmap CMapName currentdict /CMap defineresource pop end end"
        .to_vec();
    let encoding = Object::Stream(Stream::new(dictionary! {}, only_parent));
    assert_eq!(text(&pdf_with(encoding, "GB1", "D6D0B9FA")).0, "中国");
    // GBK-EUC-H maps <d6a1>..<d6fe> from CID 4512, so D6D0 is CID 4559, which
    // Adobe-GB1-UCS2 maps to U+4E2D.
    let cid_of_zhong = 4559;
    let overriding =
        format!("/GBK-EUC-H usecmap\n1 begincidchar\n<41> {cid_of_zhong}\nendcidchar\n");
    let encoding = Object::Stream(Stream::new(dictionary! {}, overriding.into_bytes()));
    assert_eq!(text(&pdf_with(encoding, "GB1", "41B9FA")).0, "中国");
}
