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
    let left_packed = doc
        .objects
        .values()
        .any(|o| matches!(o, Object::Stream(s) if s.dict.has_type(PACKED_TYPE)));
    if !left_packed {
        // No object stream: the load is the full one but for its page-tree rebuild.
        return page_tree_root(doc).is_some();
    }
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
                    // A stream of type `ObjStm` a page refers to (as its contents,
                    // say): a full load unpacks it or, failing, drops it.
                    Some(Object::Stream(st)) if st.dict.has_type(PACKED_TYPE) => return false,
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
    page_walk_ends_early(doc)
}

/// Whether lopdf's walk of the page tree ends before its step limit, which is the
/// number of objects loaded (one step per `/Kids` entry): with fewer objects than a
/// full load, a walk that reaches the limit would give fewer pages. Counted here: the
/// `/Kids` entries of every `/Pages` node from the catalog's `/Pages`, each node once;
/// a node met twice (a cycle, a node listed twice) or as many entries as objects send
/// the file to the full load, as does a page tree lopdf did not load
/// ([`page_tree_root`]).
fn page_walk_ends_early(doc: &Document) -> bool {
    let Some(root) = page_tree_root(doc) else {
        return false;
    };
    let limit = doc.objects.len();
    let kids_of = |id: &ObjectId| {
        doc.get_dictionary(*id)
            .and_then(|d| d.get_deref(b"Kids", doc))
            .and_then(Object::as_array)
            .ok()
    };
    let mut seen: HashSet<ObjectId> = HashSet::new();
    let mut nodes = vec![root];
    let mut entries = 0usize;
    while let Some(node) = nodes.pop() {
        if !seen.insert(node) {
            return false;
        }
        for kid in kids_of(&node).into_iter().flatten() {
            entries += 1;
            if entries >= limit {
                return false;
            }
            if let Ok(id) = kid.as_reference() {
                let is_node = doc
                    .get_dictionary(id)
                    .and_then(|d| d.get_type())
                    .is_ok_and(|t| t == b"Pages");
                if is_node {
                    nodes.push(id);
                } else if !seen.insert(id) {
                    // A page listed twice.
                    return false;
                }
            }
        }
    }
    true
}

/// The catalog's `/Pages` when it is a reference to a dictionary with a `/Kids`
/// array: the condition under which lopdf 0.47 keeps a page tree, rebuilding it by
/// scanning the file otherwise — but only in a load without a filter, so a file
/// without one is loaded in full.
fn page_tree_root(doc: &Document) -> Option<ObjectId> {
    let root = doc
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .ok()?;
    doc.get_dictionary(root)
        .and_then(|d| d.get_deref(b"Kids", doc))
        .and_then(Object::as_array)
        .ok()
        .map(|_| root)
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

    /// `fixtures/packed/`: a Word-like file (3 structure elements packed, nothing
    /// else) keeps them packed; a page tree with a cycle, a page listed twice or nulls
    /// among its kids (lopdf's walk of the pages stops after as many steps as objects),
    /// contents typed `/ObjStm`, a structure element a page's `/Annots` names, a font
    /// in an object stream no cross-reference entry names, and a page tree lopdf
    /// rebuilds (the xref's copy of `/Pages` has no `/Kids`) are loaded in full. Pages and objects are those of a full load.
    #[test]
    fn fallbacks_and_the_fast_path_on_built_files() {
        for (name, packed) in [
            ("word-like-structure-tree-packed.pdf", 3),
            ("kids-cycle.pdf", 0),
            ("kids-duplicate-page.pdf", 0),
            ("kids-nulls.pdf", 0),
            ("contents-typed-objstm.pdf", 0),
            ("structelem-in-annots.pdf", 0),
            ("font-in-objstm-unindexed.pdf", 0),
            ("page-tree-rebuilt.pdf", 0),
        ] {
            let path = format!("fixtures/packed/{name}");
            let Some(bytes) = read(&path) else {
                panic!("{path} is missing");
            };
            let (Ok(full), Ok(loaded)) = (Document::load_mem(&bytes), load(&bytes, None)) else {
                panic!("{path} does not load");
            };
            assert_eq!(
                full.objects.len(),
                loaded.doc.objects.len() + packed,
                "{name}"
            );
            assert_eq!(full.get_pages(), loaded.doc.get_pages(), "{name}");
            for (id, object) in &loaded.doc.objects {
                assert!(
                    full.objects.get(id) == Some(object),
                    "{name}: object {id:?}"
                );
            }
        }
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
