//! A document's blocks written as they are read ([`write_document_json_streamed`]):
//! the JSON of [`crate::write_document_json`] without the blocks ever held together.

use std::cell::RefCell;
use std::io::Write;

use serde::ser::{Error as _, SerializeSeq};
use serde::{Serialize, Serializer};
use unpara_model::{Block, Document};

use crate::wire::{self, WireBlock};
use crate::WriteError;

/// An error of whatever reads the blocks.
pub type BlockError = Box<dyn std::error::Error + Send + Sync>;

/// What produces the blocks: called once with `emit`, it hands each block in order to
/// `emit`, stops when `emit` returns `false` (the output failed), and returns what
/// stopped it if the blocks could not be read.
type Produce<'f> = Box<dyn FnOnce(&mut dyn FnMut(Block) -> bool) -> Result<(), BlockError> + 'f>;

/// The blocks array of a streamed document: each block is written as it arrives.
pub(crate) struct StreamedBlocks<'f> {
    produce: RefCell<Option<Produce<'f>>>,
    /// The producer's error, kept for the caller (serde's errors carry only text).
    failed: RefCell<Option<BlockError>>,
}

impl Serialize for StreamedBlocks<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Some(produce) = self.produce.borrow_mut().take() else {
            return Err(S::Error::custom("the blocks of a stream are written once"));
        };
        let mut seq = serializer.serialize_seq(None)?;
        let mut write_error = None;
        let read = produce(
            &mut |block| match seq.serialize_element(&WireBlock::of(&block)) {
                Ok(()) => true,
                Err(e) => {
                    write_error = Some(e);
                    false
                }
            },
        );
        if let Some(e) = write_error {
            return Err(e);
        }
        if let Err(e) = read {
            let message = e.to_string();
            *self.failed.borrow_mut() = Some(e);
            return Err(S::Error::custom(message));
        }
        seq.end()
    }
}

/// [`crate::write_document_json`] of `head` (a document without its blocks) whose
/// blocks come from `blocks`, which hands each to its argument in order (and stops
/// when that returns `false`). Byte for byte the JSON of the document holding those
/// blocks; only one block is held at a time.
///
/// # Errors
/// [`WriteError::Blocks`] with `blocks`' own error when it fails, [`WriteError::Io`]
/// when writing fails, [`WriteError::Json`] if serialization fails.
pub fn write_document_json_streamed<'f, E: Into<BlockError>>(
    head: &Document,
    blocks: impl FnOnce(&mut dyn FnMut(Block) -> bool) -> Result<(), E> + 'f,
    mut out: impl Write,
) -> Result<(), WriteError> {
    let streamed = StreamedBlocks {
        produce: RefCell::new(Some(Box::new(move |emit| blocks(emit).map_err(Into::into)))),
        failed: RefCell::new(None),
    };
    let written = serde_json::to_writer_pretty(&mut out, &wire::document_with(head, &streamed));
    if let Some(e) = streamed.failed.borrow_mut().take() {
        return Err(WriteError::Blocks(e));
    }
    written.map_err(crate::json_write_error)?;
    out.write_all(b"\n")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use unpara_model::{BlockKind, Diagnostics, Lang, Metadata, Source, SourceFormat};

    fn document(blocks: usize) -> Document {
        Document {
            source: Source {
                path: "a.xml".into(),
                format: SourceFormat::UnpcXml,
                sha256: "0".repeat(64),
                pages: 0,
                producer: None,
            },
            language: Lang::En,
            metadata: Metadata {
                symbol: Some("A/1".into()),
                ..Metadata::default()
            },
            blocks: (0..blocks)
                .map(|i| Block {
                    id: format!("b{i}"),
                    kind: BlockKind::Text,
                    label: None,
                    level: None,
                    number: None,
                    parent: None,
                    text: format!("Sentence {i}. Another."),
                    pages: Vec::new(),
                    footnote_refs: Vec::new(),
                    sentences: vec![format!("Sentence {i}."), "Another.".into()],
                })
                .collect(),
            footnotes: Vec::new(),
            diagnostics: Diagnostics {
                undecodable_glyphs: 0,
                warnings: vec!["a warning".into()],
            },
        }
    }

    fn streamed(doc: &Document) -> Result<Vec<u8>, WriteError> {
        let head = Document {
            blocks: Vec::new(),
            ..doc.clone()
        };
        let mut out = Vec::new();
        write_document_json_streamed(
            &head,
            |emit| {
                for b in &doc.blocks {
                    if !emit(b.clone()) {
                        break;
                    }
                }
                Ok::<(), BlockError>(())
            },
            &mut out,
        )?;
        Ok(out)
    }

    #[test]
    fn streamed_json_is_the_held_json() {
        for n in [0, 1, 3] {
            let doc = document(n);
            let mut held = Vec::new();
            crate::write_document_json(&doc, &mut held).expect("written");
            assert_eq!(
                String::from_utf8(streamed(&doc).expect("written")).expect("UTF-8"),
                String::from_utf8(held).expect("UTF-8"),
                "{n} blocks"
            );
        }
    }

    #[test]
    fn the_readers_error_is_returned() {
        let head = document(0);
        let r = write_document_json_streamed(
            &head,
            |emit| {
                emit(document(1).blocks.remove(0));
                Err("the file changed".to_string())
            },
            Vec::new(),
        );
        match r {
            Err(WriteError::Blocks(e)) => assert_eq!(e.to_string(), "the file changed"),
            other => panic!("{other:?}"),
        }
    }
}
