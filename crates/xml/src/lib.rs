//! XML and Word readers of unpara: bytes → [`unpara_model::Document`], for the inputs
//! that are not PDF. The format is told from the content, never from the file name
//! ([`detect`]): a ZIP container is DOCX, an XML document is read by its root element
//! (`<udhr>` the udhr-in-unicode schema, `<TEI.2>`/`<doc>` the UN Parallel Corpus, any
//! other root: its text in document order, with a warning).
//!
//! All XML goes through one streaming walker (`xml.rs`): quick-xml, no DTD processing —
//! external entities are never fetched and declared entities never expanded (no XXE, no
//! "billion laughs"); only the five predefined entities and character references are.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod document;
mod docx;
mod error;
mod generic;
mod links;
mod udhr;
mod unpc;
mod xml;

pub use docx::read_docx;
pub use error::XmlError;
pub use links::{
    link_documents, read_links, select_group, LinkError, LinkGroup, Linked, SentenceIds, XcesLink,
};
pub use unpc::UnpcStream;

use std::borrow::Cow;

use unpara_model::{Document, Lang};

/// What the first bytes of an input say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// `%PDF-` within the first 1024 bytes.
    Pdf,
    /// A ZIP container (`PK\x03\x04`): Office Open XML.
    Zip,
    /// `<` first (after a byte-order mark and whitespace): XML.
    Xml,
    /// None of these.
    Unknown,
}

/// The kind of an input, from its first bytes.
pub fn detect(bytes: &[u8]) -> InputKind {
    let head = bytes.get(..bytes.len().min(1024)).unwrap_or_default();
    if head.windows(5).any(|w| w == b"%PDF-") {
        return InputKind::Pdf;
    }
    if head.starts_with(b"PK\x03\x04") {
        return InputKind::Zip;
    }
    if utf16_order(head).is_some() {
        return InputKind::Xml;
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'<') => InputKind::Xml,
        _ => InputKind::Unknown,
    }
}

/// Options of the readers.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Path of the input, for [`unpara_model::Source::path`].
    pub path: String,
    /// Language, when known; detected from the text otherwise.
    pub lang: Option<Lang>,
    /// Largest total size the parts of a DOCX may inflate to, in bytes (zip bombs).
    pub max_inflate: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            path: String::new(),
            lang: None,
            max_inflate: DEFAULT_MAX_INFLATE,
        }
    }
}

/// Default of [`ReadOptions::max_inflate`]: 256 MiB.
pub const DEFAULT_MAX_INFLATE: u64 = 256 * 1024 * 1024;

/// Reads an XML document (not DOCX) by its root element.
///
/// `bytes` may be borrowed or owned (`&[u8]`, `&Vec<u8>`, `Vec<u8>`): owned bytes of a
/// UNPC file are freed once its paragraphs are parsed, before the document is built, so
/// that the file and the document are not both held (the peak of a large file).
///
/// # Errors
/// [`XmlError::Xml`] for malformed XML, [`XmlError::Empty`] when nothing is in it.
pub fn read_xml<'a>(
    bytes: impl Into<Cow<'a, [u8]>>,
    options: &ReadOptions,
) -> Result<Document, XmlError> {
    let mut bytes: Cow<'a, [u8]> = bytes.into();
    if let Some(little_endian) = utf16_order(&bytes) {
        bytes = Cow::Owned(utf16_to_utf8(&bytes, little_endian)?);
    }
    match xml::root(&bytes)?.as_str() {
        "udhr" => udhr::read(&bytes, options),
        "TEI.2" | "doc" => unpc::read(bytes, options),
        _ => generic::read(&bytes, options),
    }
}

/// `Some(true)` for UTF-16 little-endian text, `Some(false)` for big-endian: a byte-order
/// mark followed by `<` (XML 1.0 Appendix F.1: `FF FE 3C 00` / `FE FF 00 3C`).
pub(crate) fn utf16_order(bytes: &[u8]) -> Option<bool> {
    match bytes.get(..4)? {
        [0xFF, 0xFE, b'<', 0] => Some(true),
        [0xFE, 0xFF, 0, b'<'] => Some(false),
        _ => None,
    }
}

/// UTF-16 XML (after its byte-order mark) as UTF-8, with an `encoding="UTF-16"`
/// declaration rewritten to UTF-8 so that the XML parser reads what it is given.
///
/// # Errors
/// [`XmlError::Xml`] for an odd number of bytes or unpaired surrogates.
fn utf16_to_utf8(bytes: &[u8], little_endian: bool) -> Result<Vec<u8>, XmlError> {
    let body = bytes.get(2..).unwrap_or_default();
    if body.len() % 2 != 0 {
        return Err(XmlError::Xml(
            "UTF-16 text with an odd number of bytes".into(),
        ));
    }
    let units = body.chunks_exact(2).map(|p| match p {
        [a, b] if little_endian => u16::from_le_bytes([*a, *b]),
        [a, b] => u16::from_be_bytes([*a, *b]),
        _ => 0,
    });
    let text: String = char::decode_utf16(units)
        .collect::<Result<_, _>>()
        .map_err(|e| XmlError::Xml(format!("invalid UTF-16: {e}")))?;
    let text = match text.find("?>").filter(|_| text.starts_with("<?xml")) {
        Some(end) => {
            let (decl, rest) = text.split_at(end);
            let decl = decl
                .replace("\"UTF-16\"", "\"UTF-8\"")
                .replace("'UTF-16'", "'UTF-8'")
                .replace("\"utf-16\"", "\"UTF-8\"")
                .replace("'utf-16'", "'UTF-8'");
            format!("{decl}{rest}")
        }
        None => text,
    };
    Ok(text.into_bytes())
}
