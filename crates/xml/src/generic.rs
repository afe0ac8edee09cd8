//! Any other XML: its text nodes in document order, one `text` block each, with a
//! warning naming the root element.

use unpara_model::{Block, BlockKind, Document, SourceFormat};

use crate::document::{new_document, push_block};
use crate::xml::{walk, Ev};
use crate::{ReadOptions, XmlError};

/// Reads any XML as its text nodes.
///
/// # Errors
/// [`XmlError::Xml`] for malformed XML, [`XmlError::Empty`] when it holds no text.
pub(crate) fn read(bytes: &[u8], options: &ReadOptions) -> Result<Document, XmlError> {
    let mut warnings = Vec::new();
    let mut texts: Vec<String> = Vec::new();
    let mut root = None;
    let mut current = String::new();
    walk(bytes, &mut warnings, |ev| {
        match ev {
            Ev::Start { name, .. } => {
                root.get_or_insert(name);
                flush(&mut current, &mut texts);
            }
            Ev::End { .. } => flush(&mut current, &mut texts),
            Ev::Text(t) => current.push_str(&t),
        }
        Ok(())
    })?;
    let root = root.unwrap_or_default();
    warnings.insert(
        0,
        format!("XML with root element <{root}> is not a known format: its text nodes are read in document order as text blocks"),
    );
    let mut doc = new_document(options, SourceFormat::Xml, &texts, warnings)?;
    for t in texts {
        push_block(
            &mut doc,
            Block {
                kind: BlockKind::Text,
                text: t,
                ..crate::document::empty_block()
            },
        );
    }
    Ok(doc)
}

/// Ends the current text node: collapsed whitespace, kept when not empty.
fn flush(current: &mut String, texts: &mut Vec<String>) {
    let t = current.split_whitespace().collect::<Vec<_>>().join(" ");
    if !t.is_empty() {
        texts.push(t);
    }
    current.clear();
}
