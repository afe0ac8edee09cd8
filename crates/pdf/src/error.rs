//! Errors of the PDF reader.

use thiserror::Error;

/// Why a PDF could not be read at all. Trouble inside a readable document (a damaged
/// page, an unknown font) is a warning in [`unpara_model::Layout::warnings`] instead.
#[derive(Debug, Error)]
pub enum PdfError {
    /// The bytes do not start with a `%PDF-` header (within the first 1024 bytes).
    #[error("not a PDF (no %PDF- header)")]
    NotPdf,
    /// The document is encrypted and no password was given (the empty user password
    /// does not open it).
    #[error("encrypted: needs a password")]
    Encrypted,
    /// The document is encrypted and the password given is neither its user nor its
    /// owner password.
    #[error("encrypted: needs a password (the one given does not open it)")]
    WrongPassword,
    /// lopdf could not parse the file structure.
    #[error("damaged PDF: {0}")]
    Damaged(String),
    /// The document has no pages.
    #[error("the document has no pages")]
    NoPages,
}
