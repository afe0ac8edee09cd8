//! United Nations Parallel Corpus XML (UNPC v1.0; Ziemski, Junczys-Dowmunt and
//! Pouliquen 2016): a TEI-like `<TEI.2>` or `<doc>` whose `<teiHeader>` names the
//! document symbol and the job number in `<idno>` elements, and whose body holds
//! `<p id="N">` paragraphs of `<s id="N:M" lang="xx">` sentences.
//!
//! Each `<p>` with text becomes one `text` block whose `sentences` are its `<s>` texts
//! in order (whitespace collapsed, empty ones left out) and whose `text` is their join:
//! a space between English sentences, nothing between Chinese ones. The file is read as
//! a stream ([`parse`]): only the current paragraph is held besides the document being
//! built.

mod parse;
mod stream;

pub(crate) use parse::OpenElements;
pub use stream::UnpcStream;

use std::borrow::Cow;
use std::collections::HashMap;

use unpara_model::{Block, BlockKind, Document, Lang, SourceFormat};

use crate::document::{block_id, detect_language, document_of, empty_block};
use crate::links::{SentenceIds, Target};
use crate::{ReadOptions, XmlError};

/// Reads a UNPC document (`<TEI.2>` or `<doc>`).
///
/// The language is `options.lang`, else the first `xml:lang`/`lang` attribute naming
/// one of the six UN languages, else detected from the text. Metadata: `symbol` and
/// `job_number` from the header's `<idno>`s. Owned `bytes` are freed once parsed.
///
/// # Errors
/// [`XmlError::Xml`] for malformed XML, [`XmlError::Empty`] when no `<p>` holds text.
pub(crate) fn read(bytes: Cow<'_, [u8]>, options: &ReadOptions) -> Result<Document, XmlError> {
    let mut warnings = Vec::new();
    let mut paragraphs: Vec<Vec<String>> = Vec::new();
    let header = parse::parse(bytes.as_ref(), &mut warnings, |p, _| {
        let sentences = sentences_of(p);
        if !sentences.is_empty() {
            paragraphs.push(sentences);
        }
    })?;
    drop(bytes);
    if paragraphs.iter().flatten().all(|t| t.trim().is_empty()) {
        return Err(XmlError::Empty);
    }
    let mut doc = head_document(options, header, warnings, || {
        detect_language(paragraphs.iter().flatten())
    });
    let sep = doc.language.word_joiner();
    // Blocks are large (ten fields): no doubling on the way. Each paragraph's text is
    // joined as its block is made, so the texts are never held twice.
    doc.blocks.reserve_exact(paragraphs.len());
    for sentences in paragraphs {
        let block = block_of(sentences, sep, doc.blocks.len());
        doc.blocks.push(block);
    }
    Ok(doc)
}

/// The texts of a paragraph's non-empty sentences, in a vector of their number: collecting
/// in place would keep the parser's larger sentence records' allocation (twice the
/// size) for each one.
fn sentences_of(p: parse::Paragraph) -> Vec<String> {
    let mut sentences =
        Vec::with_capacity(p.sentences.iter().filter(|s| !s.text.is_empty()).count());
    sentences.extend(
        p.sentences
            .into_iter()
            .map(|s| s.text)
            .filter(|t| !t.is_empty()),
    );
    sentences
}

/// The document without its blocks: language (`options.lang`, else the header's, else
/// `detect`), metadata and warnings (the reader's, then the header's).
fn head_document(
    options: &ReadOptions,
    mut header: parse::Header,
    mut warnings: Vec<String>,
    detect: impl FnOnce() -> Lang,
) -> Document {
    warnings.append(&mut header.warnings);
    let lang = match (options.lang, header.lang) {
        (Some(l), _) | (None, Some(l)) => l,
        (None, None) => {
            if let Some(other) = &header.other_lang {
                warnings.push(format!(
                    "language {other:?} is none of the six UN languages: the language is detected from the text"
                ));
            }
            detect()
        }
    };
    let options = ReadOptions {
        lang: Some(lang),
        ..options.clone()
    };
    let mut doc = document_of(&options, SourceFormat::UnpcXml, lang, warnings);
    doc.metadata.symbol = header.symbol;
    doc.metadata.job_number = header.job_number;
    doc
}

/// Block `b{index}` of a paragraph's sentences: its text is their join with `sep` (a
/// space between English sentences, nothing between Chinese ones).
fn block_of(sentences: Vec<String>, sep: &str, index: usize) -> Block {
    Block {
        id: block_id(index),
        kind: BlockKind::Text,
        text: sentences.join(sep),
        sentences,
        ..empty_block()
    }
}

/// The UNPC sentence ids of a file, mapped to the places [`read`] gives the sentences
/// (block `b{k}`, sentence index): the same stream, numbered the same way. A sentence's
/// key is its `id` when that holds a `:` (UNPC's `N:M`), else `{p id}:{s id}`. Ids of
/// empty sentences map to [`Target::Empty`], ids found twice to [`Target::Repeated`].
///
/// # Errors
/// [`XmlError::Xml`] for malformed XML.
pub(crate) fn sentence_ids(bytes: &[u8]) -> Result<HashMap<String, Target>, XmlError> {
    let mut map: HashMap<String, Target> = HashMap::new();
    let mut block = 0u32;
    parse::parse(bytes, &mut Vec::new(), |p, _| {
        let mut index = 0u32;
        for s in p.sentences {
            let target = if s.text.is_empty() {
                Target::Empty
            } else {
                index += 1;
                Target::At(block, index - 1)
            };
            let Some(id) = s.id else { continue };
            let key = match &p.id {
                Some(pid) if !id.contains(':') => format!("{pid}:{id}"),
                _ => id,
            };
            map.entry(key)
                .and_modify(|t| *t = Target::Repeated)
                .or_insert(target);
        }
        if index > 0 {
            block += 1;
        }
    })?;
    Ok(map)
}

impl SentenceIds {
    /// The sentence ids of a UNPC document: its UNPC ids (`1:2`, from `bytes`, the file
    /// `doc` was read from), and its own (`b0:1`).
    ///
    /// # Errors
    /// [`XmlError::Xml`] for malformed XML.
    pub fn unpc(doc: &Document, bytes: &[u8]) -> Result<SentenceIds, XmlError> {
        Ok(SentenceIds::of_document(doc).with_source_ids(sentence_ids(bytes)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unpara_model::Lang;

    const EN: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<TEI.2><teiHeader><fileDesc><publicationStmt>
<idno type="symbol">A/RES/73/3</idno><idno type="jobno">N1829185</idno>
</publicationStmt></fileDesc></teiHeader>
<text><body>
<p id="1"><s id="1:1" lang="en">First one.</s><s id="1:2" lang="en">Second one.</s></p>
<p id="2"><s id="2:1" lang="en"> </s></p>
<p id="3"><s id="3:1" lang="en">Third.</s><s id="3:2" lang="en"></s><s id="3:3" lang="en">Fourth.</s></p>
</body></text></TEI.2>"#;

    #[test]
    fn paragraphs_become_text_blocks_with_their_sentences() {
        let doc = read(EN.as_bytes().into(), &ReadOptions::default()).expect("reads");
        assert_eq!(doc.source.format, SourceFormat::UnpcXml);
        assert_eq!(doc.language, Lang::En);
        assert_eq!(doc.metadata.symbol.as_deref(), Some("A/RES/73/3"));
        assert_eq!(doc.metadata.job_number.as_deref(), Some("N1829185"));
        let blocks: Vec<(&str, &str, usize)> = doc
            .blocks
            .iter()
            .map(|b| (b.id.as_str(), b.text.as_str(), b.sentences.len()))
            .collect();
        assert_eq!(
            blocks,
            [
                ("b0", "First one. Second one.", 2),
                ("b1", "Third. Fourth.", 2)
            ]
        );
        assert!(doc.blocks.iter().all(|b| b.kind == BlockKind::Text));
    }

    #[test]
    fn ids_follow_the_blocks_of_read() {
        let ids = sentence_ids(EN.as_bytes()).expect("reads");
        assert_eq!(ids.get("1:2"), Some(&Target::At(0, 1)));
        assert_eq!(ids.get("2:1"), Some(&Target::Empty));
        assert_eq!(ids.get("3:2"), Some(&Target::Empty));
        assert_eq!(ids.get("3:3"), Some(&Target::At(1, 1)));
    }

    #[test]
    fn local_sentence_ids_take_the_paragraph_id() {
        let xml = r#"<doc><p id="7"><s id="1">甲。</s><s id="2">乙。</s></p><p id="8"><s id="1">丙。</s><s id="1">丁。</s></p></doc>"#;
        let ids = sentence_ids(xml.as_bytes()).expect("reads");
        assert_eq!(ids.get("7:2"), Some(&Target::At(0, 1)));
        assert_eq!(ids.get("8:1"), Some(&Target::Repeated));
        let doc = read(xml.as_bytes().into(), &ReadOptions::default()).expect("reads");
        assert_eq!(doc.language, Lang::Zh);
        assert_eq!(doc.blocks[0].text, "甲。乙。");
    }

    #[test]
    fn no_text_is_empty() {
        let r = read(
            b"<doc><teiHeader><idno>A/1</idno></teiHeader><p id=\"1\"/></doc>"
                .as_slice()
                .into(),
            &ReadOptions::default(),
        );
        assert!(matches!(r, Err(XmlError::Empty)), "{r:?}");
    }

    #[test]
    fn the_option_language_wins() {
        let options = ReadOptions {
            lang: Some(Lang::Zh),
            ..ReadOptions::default()
        };
        let doc = read(EN.as_bytes().into(), &options).expect("reads");
        assert_eq!(
            (doc.language, doc.blocks[0].text.as_str()),
            (Lang::Zh, "First one.Second one.")
        );
    }

    /// Owned bytes (freed once parsed) give the document borrowed bytes give, and each
    /// block's sentence vector holds no more room than its sentences.
    #[test]
    fn owned_bytes_read_as_borrowed() {
        let owned = read(EN.as_bytes().to_vec().into(), &ReadOptions::default()).expect("reads");
        let borrowed = read(EN.as_bytes().into(), &ReadOptions::default()).expect("reads");
        assert_eq!(owned, borrowed);
        let room: Vec<(usize, usize)> = owned
            .blocks
            .iter()
            .map(|b| (b.sentences.len(), b.sentences.capacity()))
            .collect();
        assert_eq!(room, [(2, 2), (2, 2)]);
    }
}
