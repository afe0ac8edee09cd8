//! Building small PDFs for the reader's tests.

use lopdf::{dictionary, Document, Object, ObjectId, Stream};

/// Saves `doc` with one page (612 × 792 points) whose resources name `font` /F1 and whose
/// content is `content`.
#[allow(dead_code)] // not every test file uses each helper
pub fn one_page(doc: Document, font: ObjectId, content: Stream) -> Vec<u8> {
    one_page_sized(doc, font, content, (612, 792))
}

/// [`one_page`] with a page of `size` (width, height) points.
pub fn one_page_sized(
    mut doc: Document,
    font: ObjectId,
    content: Stream,
    size: (i64, i64),
) -> Vec<u8> {
    let contents = doc.add_object(content);
    let pages = doc.new_object_id();
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "Contents" => contents,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "MediaBox" => vec![0.into(), 0.into(), size.0.into(), size.1.into()],
    });
    doc.objects.insert(
        pages,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("PDF written");
    bytes
}
