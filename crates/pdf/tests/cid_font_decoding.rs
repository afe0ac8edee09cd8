//! Identity-H fonts with a `/ToUnicode` CMap, as Word, LibreOffice and cairo write them:
//! the codes the CMap maps are decoded ahead in a table, the others one by one, and the
//! embedded font program is read only when a code needs it.

mod common;

use lopdf::{dictionary, Document, Object, Stream};
use unpara_model::Layout;
use unpara_pdf::{read_pdf, ReadOptions};

/// A ToUnicode CMap: 0001–0003 → "abc" (a range), 0004 → U+FB01 "ﬁ" (a compatibility
/// ligature), 0005 → "" (mapped to nothing), and 3004 → U+FB01, 3001 → "z" (codes above
/// the table decoded ahead).
const TO_UNICODE: &str = "/CIDInit /ProcSet findresource begin 12 dict begin begincmap \
     1 begincodespacerange <0000> <FFFF> endcodespacerange \
     1 beginbfrange <0001> <0003> <0061> endbfrange \
     4 beginbfchar <0004> <FB01> <0005> <> <3004> <FB01> <3001> <007A> endbfchar \
     endcmap CMapName currentdict /CMap defineresource pop end end";

/// A one-page PDF showing `codes` (hex) in an Identity-H TrueType CID font with the
/// ToUnicode CMap above and a `/FontFile2` stream that does not inflate (a damaged
/// program: reading it gives a warning).
fn pdf(codes: &str) -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let program = doc.add_object(Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        b"not deflate data at all".to_vec(),
    ));
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => "ABCDEF+Gentium",
        "Flags" => 32,
        "FontFile2" => program,
    });
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => "ABCDEF+Gentium",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"),
            "Supplement" => 0,
        },
        "FontDescriptor" => descriptor,
        "DW" => 500,
        "CIDToGIDMap" => "Identity",
    });
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, TO_UNICODE.into()));
    let font = doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => "ABCDEF+Gentium",
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![cid_font.into()],
        "ToUnicode" => to_unicode,
    });
    let content = format!("BT /F1 12 Tf 72 700 Td <{codes}> Tj ET");
    common::one_page(doc, font, Stream::new(dictionary! {}, content.into_bytes()))
}

fn read(codes: &str) -> (String, Layout) {
    let layout = read_pdf(&pdf(codes), &ReadOptions::default()).expect("readable");
    let text = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text())
        .collect::<Vec<_>>()
        .join("\n");
    (text, layout)
}

fn program_warnings(layout: &Layout) -> Vec<&String> {
    layout
        .warnings
        .iter()
        .filter(|w| w.contains("/FontFile2"))
        .collect()
}

#[test]
fn codes_the_to_unicode_cmap_maps_never_read_the_program() {
    let (text, layout) = read("0001000200030004");
    assert_eq!(text, "abcfi");
    assert_eq!(layout.undecodable_glyphs, 0);
    assert!(
        program_warnings(&layout).is_empty(),
        "the program was read: {:?}",
        layout.warnings
    );
}

#[test]
fn codes_above_the_table_decode_as_the_cmap_says() {
    // 3001 and 3004 lie above the largest code of the table (0005): the same text as
    // through the table, the ligature folded alike.
    let (text, layout) = read("000430043001");
    assert_eq!(text, "fifiz");
    assert_eq!(layout.undecodable_glyphs, 0);
    assert!(
        program_warnings(&layout).is_empty(),
        "{:?}",
        layout.warnings
    );
}

#[test]
fn a_code_the_cmap_leaves_out_reads_the_program_and_says_what_failed() {
    // 0009 is not in the CMap: the program is its last resort, and it does not inflate.
    let (text, layout) = read("000100090002");
    assert_eq!(text, "a\u{FFFD}b");
    assert_eq!(layout.undecodable_glyphs, 1);
    let warnings = program_warnings(&layout);
    assert_eq!(warnings.len(), 1, "{:?}", layout.warnings);
    // A code mapped to nothing is undecodable, from the table as one by one.
    let (text, layout) = read("00010005");
    assert_eq!(text, "a\u{FFFD}");
    assert_eq!(layout.undecodable_glyphs, 1);
}
