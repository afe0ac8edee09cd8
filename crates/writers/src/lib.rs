//! Output writers of unpara. Schema "1" JSON (`shared/DESIGN.md`, "Output contract"):
//! the wire structs in [`wire`] are kept apart from the domain types so the contract
//! cannot drift by accident; field names are fixed. The sentence links of an aligned
//! pair also go out as JSON Lines, TSV, TMX 1.4b, XCES (with its sentence documents)
//! and Moses text, and a corpus goes into a SQLite database ([`Db`]).
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

mod export;
mod html;
mod jsonl;
mod layout;
mod moses;
mod pairs;
mod set;
mod sqlite;
mod streamed;
mod tmx;
mod tsv;
mod wire;
mod wire_set;
mod xces;

pub use export::Export;
pub use html::{review_figures, review_html, review_index_html, IndexEntry};
pub use jsonl::alignment_jsonl;
pub use layout::{layout_json, layout_text};
pub use moses::alignment_moses;
pub use set::{set_json, set_jsonl, set_tmx, set_tmx_units};
pub use sqlite::Db;
pub use streamed::{write_document_json_streamed, BlockError};
pub use tmx::{alignment_tmx, tmx_head, tmx_units, TMX_TAIL};
pub use tsv::alignment_tsv;
pub use xces::{
    alignment_xces, sentence_document, xces_link_group, SentenceDocs, XCES_HEAD, XCES_TAIL,
};

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
    /// XML could not be written.
    #[error("XML could not be written: {0}")]
    Xml(String),
    /// The output could not be written.
    #[error("cannot write: {0}")]
    Io(#[from] std::io::Error),
    /// A SQLite statement failed.
    #[error("database: {0}")]
    Database(#[from] rusqlite::Error),
    /// The blocks of a streamed document could not be read
    /// ([`write_document_json_streamed`]).
    #[error("{0}")]
    Blocks(streamed::BlockError),
    /// The review page could not be made (not an alignment, or the template failed).
    #[error("review page: {0}")]
    Html(String),
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

/// [`document_json`] written to `out` as it is produced, without holding the whole
/// text in memory (large documents: a 100 MB corpus file makes 227 MB of JSON).
///
/// # Errors
/// [`WriteError::Json`] if serialization or writing fails.
pub fn write_document_json(doc: &Document, mut out: impl std::io::Write) -> Result<(), WriteError> {
    serde_json::to_writer_pretty(&mut out, &wire::document(doc)).map_err(json_write_error)?;
    out.write_all(b"\n")?;
    Ok(())
}

/// A failed write (a closed pipe, a full disk) is an I/O error, not bad JSON.
fn json_write_error(e: serde_json::Error) -> WriteError {
    match e.io_error_kind() {
        Some(kind) => WriteError::Io(std::io::Error::new(kind, e)),
        None => WriteError::Json(e),
    }
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
    check_languages(a, b)?;
    let mut s = serde_json::to_string_pretty(&wire::alignment(a, b, alignment))?;
    s.push('\n');
    Ok(s)
}

/// The JSON Schema (draft 2020-12) of the schema "1" output of `extract` (`document`)
/// or `align` (`alignment` for a pair, `set` for three to six versions), generated from the wire structs that write it, so the two
/// cannot drift apart. `None` for another name.
pub fn json_schema(which: &str) -> Option<String> {
    let schema = match which {
        "document" => schemars::schema_for!(wire::WireDocument<'static>),
        "alignment" => schemars::schema_for!(wire::WireAlignment<'static>),
        "set" => schemars::schema_for!(wire_set::WireSet<'static>),
        _ => return None,
    };
    let mut value = schema.to_value();
    strict(&mut value);
    let mut s = serde_json::to_string_pretty(&value).ok()?;
    s.push('\n');
    Some(s)
}

/// Makes a generated schema strict and standard: every object with properties admits
/// no others (`additionalProperties: false`), and the integer and float `format`s
/// schemars writes (`uint32`, `double`, …), which are not among JSON Schema 2020-12's
/// formats (section 7.3 of its Validation vocabulary) and make Ajv's strict mode refuse
/// the schema, are removed; an unsigned one becomes `minimum: 0`.
fn strict(node: &mut serde_json::Value) {
    use serde_json::Value;
    match node {
        Value::Object(map) => {
            if map.contains_key("properties") && !map.contains_key("additionalProperties") {
                map.insert("additionalProperties".into(), Value::Bool(false));
            }
            let nonstandard = map.get("format").and_then(Value::as_str).and_then(|f| {
                let numeric =
                    f.starts_with("uint") || f.starts_with("int") || f == "float" || f == "double";
                numeric.then(|| f.starts_with("uint"))
            });
            if let Some(unsigned) = nonstandard {
                map.remove("format");
                if unsigned && !map.contains_key("minimum") {
                    map.insert("minimum".into(), Value::from(0));
                }
            }
            map.values_mut().for_each(strict);
        }
        Value::Array(items) => items.iter_mut().for_each(strict),
        _ => {}
    }
}

/// The sides of every aligned output are keyed by language: two documents in one
/// language cannot be written.
pub(crate) fn check_languages(a: &Document, b: &Document) -> Result<(), WriteError> {
    if a.language == b.language {
        return Err(WriteError::SameLanguage(a.language.code()));
    }
    Ok(())
}

impl From<quick_xml::Error> for WriteError {
    fn from(e: quick_xml::Error) -> Self {
        WriteError::Xml(e.to_string())
    }
}
