//! United Nations Parallel Corpus XML (UNPC v1.0) and its XCES link files.

use unpara_model::{Document, SentenceLink};

use crate::{ReadOptions, XmlError};

/// Reads a UNPC document (`<TEI.2>` or `<doc>`).
///
/// # Errors
/// Not written yet: [`XmlError::Unsupported`].
pub(crate) fn read(_bytes: &[u8], _options: &ReadOptions) -> Result<Document, XmlError> {
    Err(XmlError::Unsupported("UN Parallel Corpus XML".into()))
}

/// Reads an XCES link file (`<linkGrp>` / `<link xtargets="…;…">`) into sentence links.
///
/// # Errors
/// Not written yet: [`XmlError::Unsupported`].
pub fn read_links(_bytes: &[u8]) -> Result<Vec<SentenceLink>, XmlError> {
    Err(XmlError::Unsupported("XCES links".into()))
}
