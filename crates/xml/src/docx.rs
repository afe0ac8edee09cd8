//! Word documents (Office Open XML).

use unpara_model::Document;

use crate::{ReadOptions, XmlError};

/// Reads a DOCX.
///
/// # Errors
/// Not written yet: [`XmlError::Unsupported`].
pub fn read_docx(_bytes: &[u8], _options: &ReadOptions) -> Result<Document, XmlError> {
    Err(XmlError::Unsupported("Word documents".into()))
}
