//! Resource limits: a small file cannot make the reader hold unbounded text.

mod common;

use lopdf::{dictionary, Document, Stream};
use unpara_pdf::{read_pdf, ReadOptions};

/// A one-page PDF whose content shows `n` characters in lines of 1 000, compressed.
/// They are set small (0.5 pt on a 0.7 pt leading) so that the first million lie on
/// the page: glyphs outside it are not read.
fn many_glyphs(n: usize) -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let mut content = b"BT /F1 0.5 Tf 0.7 TL 10 780 Td".to_vec();
    for _ in 0..n / 1000 {
        content.extend(b" (");
        content.extend(std::iter::repeat_n(b'x', 1000));
        content.extend(b") '");
    }
    content.extend(b" ET");
    let mut stream = Stream::new(dictionary! {}, content);
    stream.compress().expect("deflate");
    common::one_page(doc, font, stream)
}

#[test]
fn a_page_keeps_at_most_a_million_glyphs_and_says_so() {
    let bytes = many_glyphs(1_500_000);
    assert!(
        bytes.len() < 20_000,
        "the file is small: {} bytes",
        bytes.len()
    );
    let layout = read_pdf(&bytes, &ReadOptions::default()).expect("readable");
    let chars: usize = layout
        .pages
        .iter()
        .flat_map(|p| &p.lines)
        .map(|l| l.text().chars().count())
        .sum();
    assert_eq!(chars, 1_000_000);
    assert!(
        layout
            .warnings
            .iter()
            .any(|w| w == "page 1: more than 1000000 glyphs: the rest of the page's text skipped"),
        "{:?}",
        layout.warnings
    );
}
