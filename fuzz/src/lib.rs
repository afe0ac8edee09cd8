//! What the fuzz targets share: the documents they wrap a fuzz input into, and the
//! pipeline stages they drive it through (reader → structure → sentences), as the CLI
//! runs them.
#![forbid(unsafe_code)]

use std::io::Write;

use lopdf::{dictionary, Document, Object, Stream};
use unpara_model::{Lang, Layout, Source, SourceFormat};

/// Runs a layout through the structure and sentence stages, as `unpara extract` does.
pub fn structure(layout: &Layout, format: SourceFormat) {
    let source = Source {
        path: "fuzz".into(),
        format,
        sha256: String::new(),
        pages: u32::try_from(layout.pages.len()).unwrap_or(u32::MAX),
        producer: None,
    };
    if let Ok(mut doc) = unpara_structure::build_document(layout, source, None) {
        unpara_sentences::segment_document(&mut doc);
    }
}

/// A PDF read as `unpara extract` reads it.
pub fn pdf(bytes: &[u8]) {
    if let Ok(layout) = unpara_pdf::read_pdf(bytes, &Default::default()) {
        structure(&layout, SourceFormat::Pdf);
    }
}

/// A one-page PDF whose content stream is `content` and whose resources hold a simple
/// font `/F1` (Helvetica, WinAnsiEncoding) and a composite font `/F2` (Identity-H, with
/// `to_unicode` as its ToUnicode CMap), both drawn by the fuzz inputs of `content` and
/// `cmap`.
pub fn one_page_pdf(content: &[u8], to_unicode: &[u8]) -> Vec<u8> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let f1 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        "Encoding" => "WinAnsiEncoding",
    });
    let cmap = doc.add_object(Stream::new(dictionary! {}, to_unicode.to_vec()));
    let cid_font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "SimSun",
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::string_literal("Adobe"),
            "Ordering" => Object::string_literal("Identity"), "Supplement" => 0,
        },
        "DW" => 1000,
    });
    let f2 = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "SimSun",
        "Encoding" => "Identity-H", "DescendantFonts" => vec![cid_font.into()],
        "ToUnicode" => cmap,
    });
    let contents = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => contents,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => f1, "F2" => f2 } },
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1,
        }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    // Saving a document built here cannot fail on a Vec; an error leaves it empty.
    let _ = doc.save_to(&mut out);
    out
}

/// A content stream that draws codes of both fonts of [`one_page_pdf`].
pub const DRAW_BOTH_FONTS: &[u8] = b"BT /F1 12 Tf 72 720 Td (Hello, 1. General Assembly) Tj ET\n\
      BT /F2 12 Tf 72 700 Td <0001000200030004002000410042> Tj ET\n";

/// The separator of the parts in a `docx` fuzz input.
pub const PART_SEPARATOR: &[u8] = b"\n@@PART@@\n";

/// The parts a `docx` fuzz input holds, in order, separated by [`PART_SEPARATOR`].
pub const DOCX_PARTS: [&str; 5] = [
    "word/document.xml",
    "word/numbering.xml",
    "word/footnotes.xml",
    "word/styles.xml",
    "word/header1.xml",
];

/// A DOCX package (stored, not deflated) of the parts of a `docx` fuzz input, with the
/// package's fixed parts around them.
pub fn docx(input: &[u8]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let mut put = |name: &str, data: &[u8]| {
        if zip.start_file(name, options).is_ok() {
            let _ = zip.write_all(data);
        }
    };
    put(
        "[Content_Types].xml",
        br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#,
    );
    put(
        "_rels/.rels",
        br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#,
    );
    put(
        "word/_rels/document.xml.rels",
        br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
    );
    let mut rest = input;
    for name in DOCX_PARTS {
        let (part, tail) = match find(rest, PART_SEPARATOR) {
            Some(i) => (
                rest.get(..i).unwrap_or_default(),
                rest.get(i + PART_SEPARATOR.len()..).unwrap_or_default(),
            ),
            None => (rest, &[][..]),
        };
        if !part.is_empty() {
            put(name, part);
        }
        rest = tail;
    }
    zip.finish().map(|c| c.into_inner()).unwrap_or_default()
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A DOCX read as `unpara extract` reads it.
pub fn read_docx(bytes: &[u8]) {
    let options = unpara_xml::ReadOptions {
        max_inflate: 64 * 1024 * 1024,
        ..Default::default()
    };
    if let Ok(flow) = unpara_xml::read_docx(bytes, &options) {
        let source = Source {
            path: "fuzz.docx".into(),
            format: SourceFormat::Docx,
            sha256: String::new(),
            pages: 0,
            producer: None,
        };
        if let Ok(mut doc) = unpara_structure::build_document_from_flow(&flow, source, None) {
            unpara_sentences::segment_document(&mut doc);
        }
    }
}

/// An XML file (UN Parallel Corpus, UDHR, generic) read as `unpara extract` reads it.
pub fn read_xml(bytes: &[u8]) {
    if let Ok(mut doc) = unpara_xml::read_xml(bytes, &Default::default()) {
        unpara_sentences::segment_document(&mut doc);
    }
}

/// Text cut into sentences in both languages.
pub fn sentences(bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for lang in [Lang::Zh, Lang::En] {
        let _ = unpara_sentences::segment(&text, lang);
    }
}
