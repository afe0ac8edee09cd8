//! Building small PDFs for the reader's tests.

use lopdf::{dictionary, Document, Object, ObjectId, Stream};

/// Saves `doc` with one page (612 × 792 points) whose resources name `font` /F1 and whose
/// content is `content`.
pub fn one_page(mut doc: Document, font: ObjectId, content: Stream) -> Vec<u8> {
    let contents = doc.add_object(content);
    let pages = doc.new_object_id();
    let page = doc.add_object(dictionary! {
        "Type" => "Page",
        "Parent" => pages,
        "Contents" => contents,
        "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
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
