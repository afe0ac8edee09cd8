//! Fonts named without `/Widths` (the standard 14 of PDF 32000-1 §9.6.2.2, as reportlab
//! and hand-written PDFs use them) are measured with their AFM metrics: a line set to
//! the right margin ends where the viewer shows it, and keeps its last words.

use lopdf::{dictionary, Dictionary, Document, Stream};
use unpara_pdf::{read_pdf, ReadOptions};

mod common;

/// A one-page PDF, 500 × 700 pt, whose only font `/F1` is `font` (no `/Widths`).
fn pdf(font: Dictionary, content: &[u8]) -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let font = doc.add_object(font);
    common::one_page_sized(
        doc,
        font,
        Stream::new(dictionary! {}, content.to_vec()),
        (500, 700),
    )
}

/// 100 characters; 43.072 em in Helvetica, 39.972 em in Times-Roman (sums of the AFM
/// widths), 50 em at half an em per glyph.
const SENTENCE: &str = "The Committee took note with appreciation of the revised list of \
    initiatives submitted by Mr. Smith,";

fn content() -> Vec<u8> {
    format!("BT /F1 10 Tf 36 600 Td ({SENTENCE}) Tj ET").into_bytes()
}

/// The one line read, its right edge (pt from the left of the page) and the warnings.
fn read(font: Dictionary) -> (String, f32, Vec<String>) {
    let layout = read_pdf(&pdf(font, &content()), &ReadOptions::default()).expect("readable");
    let page = &layout.pages[0];
    assert_eq!(page.lines.len(), 1, "{:?}", page.lines);
    (
        page.lines[0].text(),
        page.lines[0].x1,
        layout.warnings.clone(),
    )
}

#[test]
fn a_helvetica_line_to_the_margin_keeps_its_last_word() {
    let (text, x1, warnings) = read(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    assert_eq!(text, SENTENCE);
    // 36 + 43.072 em × 10 pt; at half an em per glyph it would end at 536, beyond the
    // 500 pt page, and "Smith," lost its comma.
    assert!((x1 - 466.72).abs() < 0.01, "{x1}");
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn times_and_its_alternative_names_have_the_times_widths() {
    for name in ["Times-Roman", "TimesNewRoman", "TimesNewRomanPSMT"] {
        let (text, x1, _) = read(dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => name,
        });
        assert_eq!(text, SENTENCE, "{name}");
        assert!((x1 - 435.72).abs() < 0.01, "{name}: {x1}");
    }
}

#[test]
fn an_unknown_font_without_widths_is_measured_by_its_descriptor_flags() {
    let font = |flags: i64| {
        dictionary! {
            "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "BookAntiqua",
            "FontDescriptor" => dictionary! {
                "Type" => "FontDescriptor", "FontName" => "BookAntiqua", "Flags" => flags,
            },
        }
    };
    // Serif (bit 2) and nonsymbolic: Times-Roman's widths.
    let (_, serif, _) = read(font(2 | 32));
    assert!((serif - 435.72).abs() < 0.01, "{serif}");
    // FixedPitch (bit 1): Courier, 600 units a glyph, 36 + 60 em × 10 pt = 636 — past
    // the page, so the glyphs whose origin is beyond 500 pt are counted as outside the
    // crop box.
    let layout =
        read_pdf(&pdf(font(1 | 32), &content()), &ReadOptions::default()).expect("readable");
    let text = layout.pages[0].lines[0].text();
    // The 78th glyph starts at 36 + 77 × 6 = 498 pt, the 79th at 504: "ubmitted by
    // Mr. Smith," is cut, 19 glyphs and 3 spaces.
    assert_eq!(
        text,
        "The Committee took note with appreciation of the revised list of initiatives s"
    );
    assert!(
        layout
            .warnings
            .contains(&"page 1: 19 glyphs outside the crop box not read".to_string()),
        "{:?}",
        layout.warnings
    );
}

#[test]
fn symbol_named_without_encoding_reads_its_own_encoding() {
    let font = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Symbol" };
    // Codes 97, 183 (octal 267), 98, 34: alpha, bullet, beta, universal (Annex D.5).
    let layout = read_pdf(
        &pdf(font, b"BT /F1 10 Tf 36 600 Td (a\\267b\") Tj ET"),
        &ReadOptions::default(),
    )
    .expect("readable");
    let line = &layout.pages[0].lines[0];
    assert_eq!(line.text(), "α•β∀");
    // Symbol.afm: alpha 631, bullet 460, beta 549, universal 713: 2.353 em.
    assert!((line.x1 - (36.0 + 23.53)).abs() < 0.01, "{}", line.x1);
    assert_eq!(layout.undecodable_glyphs, 0);
}

#[test]
fn zapf_dingbats_and_a_truetype_symbol_read_their_own_encodings() {
    let text = |font: Dictionary, content: &[u8]| {
        let layout = read_pdf(&pdf(font, content), &ReadOptions::default()).expect("readable");
        (layout.pages[0].lines[0].text(), layout.undecodable_glyphs)
    };
    // ZapfDingbats (Annex D.6): l ●, 3 ✓, n ■, octal 254 ①.
    let zapf = dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "ZapfDingbats" };
    assert_eq!(
        text(zapf, b"BT /F1 10 Tf 36 600 Td (l3n\\254) Tj ET"),
        ("●✓■①".to_string(), 0)
    );
    // Word's name for Symbol, as a TrueType font without a program: a b c are α β χ.
    let symbol =
        dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "SymbolMT" };
    assert_eq!(
        text(symbol, b"BT /F1 10 Tf 36 600 Td (\\267 abc) Tj ET"),
        ("• αβχ".to_string(), 0)
    );
}

/// Tracking (character spacing up to the font's space width) is no word gap; spacing
/// wider than a space positions text and its gaps are gaps (PDF 32000-1 §9.3.2).
#[test]
fn tracked_letters_stay_words_and_wide_spacing_separates() {
    let font = || dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" };
    let text = |content: &[u8]| {
        let layout = read_pdf(&pdf(font(), content), &ReadOptions::default()).expect("readable");
        layout.pages[0].lines[0].text()
    };
    // 2 pt at 10 pt: below Helvetica's 2.78 pt space.
    assert_eq!(
        text(b"BT /F1 10 Tf 2 Tc 36 600 Td (TRACKED heading) Tj ET"),
        "TRACKED heading"
    );
    // 30 pt: cells set apart by character spacing (as Word does in tables).
    assert_eq!(
        text(b"BT /F1 10 Tf 30 Tc 36 600 Td (2--2) Tj ET"),
        "2 - - 2"
    );
}
