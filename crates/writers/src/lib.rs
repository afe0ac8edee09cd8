//! Output writers of unpara. Schema "1" JSON (`shared/DESIGN.md`, "Output contract"):
//! the wire structs in [`wire`] are kept apart from the domain types so the contract
//! cannot drift by accident; field names are fixed.
//!
//! ```
//! # use unpara_model::*;
//! let doc = Document {
//!     source: Source { path: "a.pdf".into(), format: SourceFormat::Pdf, sha256: "00".into(), pages: 1, producer: None },
//!     language: Lang::En, metadata: Metadata::default(), blocks: vec![], footnotes: vec![],
//!     diagnostics: Diagnostics::default() };
//! let json = unpara_writers::document_json(&doc).unwrap();
//! assert!(json.starts_with("{\n  \"schema_version\": \"1\""));
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod layout;
mod wire;

pub use layout::{layout_json, layout_text};

use thiserror::Error;
use unpara_model::{Alignment, Document};

/// Why output could not be produced.
#[derive(Debug, Error)]
pub enum WriteError {
    /// Both documents of a pair have the same language: the contract keys sides by language.
    #[error("both documents are in {0}: a pair needs two languages (use --lang-a/--lang-b)")]
    SameLanguage(&'static str),
    /// JSON serialization failed.
    #[error("JSON serialization failed: {0}")]
    Json(#[from] serde_json::Error),
}

/// The schema "1" JSON of one document, pretty-printed, with a final newline.
///
/// # Errors
/// [`WriteError::Json`] if serialization fails.
pub fn document_json(doc: &Document) -> Result<String, WriteError> {
    let mut s = serde_json::to_string_pretty(&wire::document(doc))?;
    s.push('\n');
    Ok(s)
}

/// The schema "1" JSON of an aligned pair, pretty-printed, with a final newline.
///
/// # Errors
/// [`WriteError::SameLanguage`] when both documents have one language,
/// [`WriteError::Json`] if serialization fails.
pub fn alignment_json(
    a: &Document,
    b: &Document,
    alignment: &Alignment,
) -> Result<String, WriteError> {
    if a.language == b.language {
        return Err(WriteError::SameLanguage(a.language.code()));
    }
    let mut s = serde_json::to_string_pretty(&wire::alignment(a, b, alignment))?;
    s.push('\n');
    Ok(s)
}
