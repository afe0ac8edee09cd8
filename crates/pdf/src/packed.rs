//! Object streams left packed at load when nothing the text needs is in them.
//!
//! lopdf 0.47 parses every object of a file at load, those packed in object streams
//! (PDF 32000-1 §7.5.7) too. Word's PDFs pack the tagged-PDF structure tree there — on
//! `A_RES_73_6.pdf` 414 structure elements, 6.4 M of the 53.9 M instructions of
//! `unpara text` — and nothing reachable from the page tree. So the file is first
//! loaded with its object streams left as they are (a load filter renames their type,
//! and lopdf unpacks only streams of type `ObjStm`); when every object reachable from
//! the trailer, the catalog's `/StructTreeRoot` left out, was read, that document is
//! the one a full load gives but for objects nothing reads, and the streams get their
//! type back. Otherwise (a page, a font or a resource is packed, as WeasyPrint and
//! qpdf write them) the caller loads the file in full.

use std::collections::HashSet;

use lopdf::{Document, Object, ObjectId};

/// The type an object stream has while it is left packed: no name PDF defines.
const PACKED_TYPE: &[u8] = b"ObjStm-left-packed-by-unpara";

/// The load filter (lopdf's `LoadOptions::filter`): an object stream's `/Type`
/// becomes [`PACKED_TYPE`], so that lopdf keeps the stream and does not unpack it.
///
/// lopdf keeps an object read from the file as the filter changed it in place; the
/// object returned is used only for objects unpacked from object streams, and none
/// are, so it is a placeholder.
pub(crate) fn leave_packed(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
    if let Object::Stream(s) = object {
        if s.dict.has_type(b"ObjStm") {
            s.dict.set("Type", Object::Name(PACKED_TYPE.to_vec()));
        }
    }
    Some((id, Object::Null))
}

/// Whether every object reachable from `doc`'s trailer was read: every reference,
/// followed from the trailer (through dictionaries, arrays and stream dictionaries,
/// the catalog's `/StructTreeRoot` left out), leads to an object of `doc`. A file
/// with a dangling reference is loaded in full, as the object may be in an object
/// stream. Each object is visited once, so the walk is bounded by the objects read.
pub(crate) fn nothing_needed_is_packed(doc: &Document) -> bool {
    let root = doc
        .trailer
        .get(b"Root")
        .ok()
        .and_then(|o| o.as_reference().ok());
    let mut stack: Vec<&Object> = doc.trailer.iter().map(|(_, v)| v).collect();
    let mut seen: HashSet<ObjectId> = HashSet::new();
    while let Some(object) = stack.pop() {
        match object {
            Object::Reference(id) => {
                if !seen.insert(*id) {
                    continue;
                }
                match doc.objects.get(id) {
                    Some(Object::Dictionary(catalog)) if Some(*id) == root => stack.extend(
                        catalog
                            .iter()
                            .filter(|(k, _)| k.as_slice() != b"StructTreeRoot")
                            .map(|(_, v)| v),
                    ),
                    Some(o) => stack.push(o),
                    // Packed, or missing from the file: a full load may find it in an
                    // object stream even when the cross-reference data does not say so
                    // (lopdf takes an object stream's objects that no entry names).
                    None => return false,
                }
            }
            Object::Dictionary(d) => stack.extend(d.iter().map(|(_, v)| v)),
            Object::Array(items) => stack.extend(items.iter()),
            Object::Stream(s) => stack.extend(s.dict.iter().map(|(_, v)| v)),
            _ => {}
        }
    }
    true
}

/// Gives the object streams [`leave_packed`] renamed their type `/ObjStm` back.
pub(crate) fn restore_types(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        if let Object::Stream(s) = object {
            if s.dict.has_type(PACKED_TYPE) {
                s.dict.set("Type", Object::Name(b"ObjStm".to_vec()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use lopdf::Document;

    use crate::load::load;

    fn read(rel: &str) -> Option<Vec<u8>> {
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../..")
                .join(rel),
        )
        .ok()
    }

    /// `A_RES_73_6.pdf` (Word 2016): one object stream holds 414 structure elements
    /// (qpdf `--show-xref`: 414 entries "compressed; stream = 83") and nothing else;
    /// they stay packed, and every object read is the full load's object.
    #[test]
    fn a_word_structure_tree_stays_packed() {
        let path = "../shared/corpus/un-en/A_RES_73_6.pdf";
        let Some(bytes) = read(path) else {
            eprintln!("skipped: {path} is absent (the shared corpus)");
            return;
        };
        let (Ok(full), Ok(loaded)) = (Document::load_mem(&bytes), load(&bytes, None)) else {
            panic!("{path} does not load");
        };
        assert_eq!(full.objects.len(), loaded.doc.objects.len() + 414);
        assert_eq!(loaded.doc.get_pages().len(), 5);
        for (id, object) in &loaded.doc.objects {
            assert!(
                full.objects.get(id) == Some(object),
                "object {id:?} differs"
            );
        }
        let container = loaded.doc.get_object((83, 0)).and_then(|o| o.as_stream());
        assert!(container.is_ok_and(|s| s.dict.has_type(b"ObjStm")));
        assert!(loaded.warnings.is_empty());
    }

    /// WeasyPrint packs the pages and fonts: the file is loaded in full.
    #[test]
    fn packed_pages_load_in_full() {
        let path = "fixtures/layouts/wp-a5-serif/en.pdf";
        let Some(bytes) = read(path) else {
            panic!("{path} is missing");
        };
        let (Ok(full), Ok(loaded)) = (Document::load_mem(&bytes), load(&bytes, None)) else {
            panic!("{path} does not load");
        };
        let packed = full
            .reference_table
            .entries
            .values()
            .filter(|e| matches!(e, lopdf::xref::XrefEntry::Compressed { .. }))
            .count();
        assert!(packed > 0, "the fixture has no object stream");
        assert_eq!(loaded.doc.objects.len(), full.objects.len());
        assert!(loaded.doc.objects == full.objects);
    }
}
