//! The page's visible box (issue 10): text outside the crop box is not read, and the page
//! measures what a viewer shows (PDF 32000-1 §14.11.2; inherited, §7.7.3.4).

use lopdf::{dictionary, Dictionary, Document, Object, Stream};
use unpara_pdf::{read_pdf, ReadOptions};

/// A one-page PDF in Helvetica whose page tree node carries `node` and whose page
/// carries `page` besides its content.
fn pdf(node: Dictionary, page: Dictionary, content: &[u8]) -> Vec<u8> {
    let mut doc = Document::with_version("1.4");
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let contents = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
    let pages = doc.new_object_id();
    let mut page_dict = dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "Contents" => contents,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
    };
    page_dict.extend(&page);
    let page_id = doc.add_object(page_dict);
    let mut node_dict =
        dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 };
    node_dict.extend(&node);
    doc.objects.insert(pages, Object::Dictionary(node_dict));
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("PDF written");
    bytes
}

fn rect(v: [i64; 4]) -> Object {
    Object::Array(v.iter().map(|&n| n.into()).collect())
}

/// Text inside the page, slug text below the crop box and a printer's mark right of it;
/// a crop mark in the corner and a rule running across the whole media box.
const CONTENT: &[u8] = b"BT /F1 10 Tf 72 700 Td (Inside) Tj ET \
    BT /F1 6 Tf 72 20 Td (SLUG) Tj ET \
    BT /F1 6 Tf 580 400 Td (Mark) Tj ET \
    0 10 m 30 10 l S 20 300 m 600 300 l S";

#[test]
fn issue_10_text_outside_an_inherited_crop_box_is_not_read() {
    let bytes = pdf(
        dictionary! { "CropBox" => rect([36, 36, 576, 756]) },
        dictionary! { "MediaBox" => rect([0, 0, 612, 792]) },
        CONTENT,
    );
    let layout = read_pdf(&bytes, &ReadOptions::default()).expect("readable");
    let page = &layout.pages[0];
    let texts: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
    assert_eq!(texts, ["Inside"]);
    assert_eq!((page.width, page.height), (540.0, 720.0));
    // Positions are measured from the crop box, as a viewer shows the page.
    assert_eq!((page.lines[0].x0, page.lines[0].baseline), (36.0, 664.0));
    assert_eq!(page.rules.len(), 1, "{:?}", page.rules);
    assert_eq!((page.rules[0].x0, page.rules[0].x1), (0.0, 540.0));
    assert!(
        layout
            .warnings
            .contains(&"page 1: 8 glyphs outside the crop box not read".to_string()),
        "{:?}",
        layout.warnings
    );
}

#[test]
fn a_crop_box_beyond_the_media_box_is_reduced_to_it() {
    let bytes = pdf(
        dictionary! {},
        dictionary! {
            "MediaBox" => rect([0, 0, 612, 792]),
            "CropBox" => rect([-20, -20, 700, 900]),
        },
        b"BT /F1 10 Tf 72 700 Td (Inside) Tj ET",
    );
    let layout = read_pdf(&bytes, &ReadOptions::default()).expect("readable");
    let page = &layout.pages[0];
    assert_eq!((page.width, page.height), (612.0, 792.0));
    assert_eq!(page.lines[0].x0, 72.0);
    assert!(layout.warnings.is_empty(), "{:?}", layout.warnings);
}

#[test]
fn without_a_crop_box_the_media_box_is_the_page() {
    let bytes = pdf(
        dictionary! { "MediaBox" => rect([0, 792, 612, 0]) },
        dictionary! {},
        &[CONTENT, b" BT /F1 6 Tf 620 400 Td (Off) Tj ET"].concat(),
    );
    let layout = read_pdf(&bytes, &ReadOptions::default()).expect("readable");
    let page = &layout.pages[0];
    assert_eq!((page.width, page.height), (612.0, 792.0));
    let mut texts: Vec<String> = page.lines.iter().map(|l| l.text()).collect();
    texts.sort();
    assert_eq!(texts, ["Inside", "Mark", "SLUG"]);
    assert_eq!(
        layout.warnings,
        ["page 1: 3 glyphs outside the crop box not read"]
    );
}
