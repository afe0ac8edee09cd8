//! Building a [`Document`] from blocks read out of XML.

use unpara_model::{Block, BlockKind, Diagnostics, Document, Lang, Metadata, Source, SourceFormat};

use crate::{ReadOptions, XmlError};

/// A block with nothing in it yet (kind `text`), for struct update syntax.
pub(crate) fn empty_block() -> Block {
    Block {
        id: String::new(),
        kind: BlockKind::Text,
        label: None,
        level: None,
        number: None,
        parent: None,
        text: String::new(),
        pages: Vec::new(),
        footnote_refs: Vec::new(),
        sentences: Vec::new(),
    }
}

/// The language of some texts ([`unpara_lang::detect`]: by script, then English,
/// French or Spanish by trigrams; the rule the PDF path uses).
pub(crate) fn detect_language<'a>(texts: impl IntoIterator<Item = &'a String>) -> Lang {
    unpara_lang::detect(texts.into_iter().flat_map(|t| t.chars()))
}

/// An empty document of `format` whose language is the option's, else detected from
/// `texts`.
///
/// # Errors
/// [`XmlError::Empty`] when `texts` holds no text.
pub(crate) fn new_document(
    options: &ReadOptions,
    format: SourceFormat,
    texts: &[String],
    warnings: Vec<String>,
) -> Result<Document, XmlError> {
    if texts.iter().all(|t| t.trim().is_empty()) {
        return Err(XmlError::Empty);
    }
    let lang = options.lang.unwrap_or_else(|| detect_language(texts));
    Ok(document_of(options, format, lang, warnings))
}

/// An empty document in `lang`, with the reader's `warnings`: what [`new_document`]
/// makes once it has checked the texts.
pub(crate) fn document_of(
    options: &ReadOptions,
    format: SourceFormat,
    lang: Lang,
    warnings: Vec<String>,
) -> Document {
    Document {
        source: Source {
            path: options.path.clone(),
            format,
            sha256: String::new(),
            pages: 0,
            producer: None,
        },
        language: lang,
        metadata: Metadata::default(),
        blocks: Vec::new(),
        footnotes: Vec::new(),
        diagnostics: Diagnostics {
            undecodable_glyphs: 0,
            warnings,
        },
    }
}

/// The id of a document's block `index`: `b0`, `b1`, …
pub(crate) fn block_id(index: usize) -> String {
    format!("b{index}")
}

/// Appends a block, giving it the next id ([`block_id`]).
pub(crate) fn push_block(doc: &mut Document, mut block: Block) {
    block.id = block_id(doc.blocks.len());
    doc.blocks.push(block);
}
