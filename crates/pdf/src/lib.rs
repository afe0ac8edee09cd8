//! PDF reader of unpara: PDF bytes → [`unpara_model::Layout`].
//!
//! lopdf parses the file's objects and streams; this crate interprets the content
//! streams itself ([`GlyphSink`] receives positioned glyphs and rules), decodes
//! character codes through the fonts' encodings and ToUnicode CMaps, and builds text
//! lines from the glyphs (baseline clustering, superscripts, word spaces).
//!
//! ```
//! let bytes = std::fs::read("../../fixtures/CAC_COSP_WG.4_2017_4/en.pdf").unwrap();
//! let layout = unpara_pdf::read_pdf(&bytes, &Default::default()).unwrap();
//! assert_eq!(layout.pages.len(), 11);
//! assert_eq!(layout.undecodable_glyphs, 0);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod content;
mod error;
mod font;
mod interpreter;
mod layout;
mod lexer;
mod load;
mod packed;
mod reader;
mod rules;
mod sink;
mod state;

pub use error::PdfError;
pub use reader::{read_pdf, ReadOptions};
pub use sink::{Glyph, GlyphSink, PageSink};
