//! Errors of the structure stage.

use thiserror::Error;

/// Why a layout could not be turned into a document.
#[derive(Debug, Error)]
pub enum StructureError {
    /// The layout holds no text at all (a scanned document without a text layer).
    #[error("no text found in {pages} page(s): scanned images without a text layer?")]
    NoText {
        /// Number of pages in the layout.
        pages: usize,
    },
}
