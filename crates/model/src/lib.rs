//! The data model every stage of unpara shares.
//!
//! * [`Layout`]: what a reader gives: pages of positioned text lines (PDF user-space
//!   points, origin bottom-left, y up) and horizontal rules.
//! * [`Document`]: what the structure stage gives: metadata, blocks, footnotes and
//!   diagnostics, in the shape of the schema "1" output contract (`shared/DESIGN.md`).
//! * [`Flow`]: what a flow reader (Word) gives: styled paragraphs without geometry.
//! * [`Alignment`]: what the align stage gives for a pair of documents.
//!
//! Types only: no parsing, no I/O.
//!
//! ```
//! use unpara_model::{Lang, BlockKind};
//! assert_eq!(Lang::Zh.code(), "zh");
//! assert_eq!(BlockKind::Paragraph.as_str(), "paragraph");
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod alignment;
mod chars;
mod document;
mod flow;
mod layout;
mod naming;
mod script;
mod sets;
mod whitespace;

pub use alignment::{
    Alignment, FootnoteLink, MultiAlignment, MultiLink, PairAlignment, ParagraphLink, SentenceLink,
    SentenceSummary, Summary,
};
pub use chars::{forbidden_chars, is_xml_char};
pub use document::{
    Block, BlockKind, Diagnostics, Document, Footnote, Lang, Metadata, Script, Source, SourceFormat,
};
pub use flow::{Flow, FlowFootnote, FlowParagraph};
pub use layout::{FontInfo, Layout, Line, Page, Rule, Span};
pub use naming::{pair_key, UNNAMED_PAIR};
pub use script::{
    decimal_value, digit_value, first_line_break, is_arabic, is_arabic_mark,
    is_arabic_presentation_form, is_cjk, is_cyrillic, is_han, is_latin, script_of,
    superscript_digit,
};
pub use sets::DisjointSets;
pub use whitespace::{collapse_whitespace, visible_chars};
