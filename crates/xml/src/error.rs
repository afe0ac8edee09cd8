//! Errors of the XML and Word readers.

use thiserror::Error;

/// Why an XML or Word input could not be read.
#[derive(Debug, Error)]
pub enum XmlError {
    /// The XML is not well-formed (quick-xml's message, with the byte position).
    #[error("malformed XML: {0}")]
    Xml(String),
    /// The ZIP container is damaged or not a Word document.
    #[error("not a readable Word document: {0}")]
    Docx(String),
    /// The parts of a DOCX inflate beyond the limit (a zip bomb, or a huge document).
    #[error("the Word document inflates to more than {limit} bytes (limit set by --max-inflate)")]
    TooLarge {
        /// The limit, in bytes.
        limit: u64,
    },
    /// The input holds no text.
    #[error("no text found")]
    Empty,
    /// This kind of input is not supported (yet).
    #[error("unsupported input: {0}")]
    Unsupported(String),
}
