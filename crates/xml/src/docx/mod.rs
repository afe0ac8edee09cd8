//! Word documents (Office Open XML, ECMA-376 Part 1, WordprocessingML): the body's
//! paragraphs and tables in order, with automatic numbering written as labels, style
//! sizes, weights and indentation, footnotes with their references, and the running
//! headers and footers (for the job number and the front page's metadata, the first
//! page's first), text boxes, and the page count and application of `docProps/app.xml`,
//! handed over as a [`Flow`]: the structure stage reads its paragraphs through the same
//! block rules as a PDF's lines.

mod app;
mod body;
mod compat;
mod furniture;
mod numbering;
mod package;
mod styles;

use unpara_model::Flow;

use crate::{ReadOptions, XmlError};

/// Reads a DOCX into its [`Flow`]: body paragraphs and table rows (text boxes after the
/// paragraph anchoring them), footnotes, the texts of headers and footers (the first
/// page's header and footer first), the page count and application of
/// `docProps/app.xml` (`None` when missing or malformed).
///
/// # Errors
/// [`XmlError::Docx`] when the ZIP container or `word/document.xml` cannot be read,
/// [`XmlError::TooLarge`] when its parts inflate beyond [`ReadOptions::max_inflate`],
/// [`XmlError::Xml`] for malformed XML, [`XmlError::Empty`] without text.
pub fn read_docx(bytes: &[u8], options: &ReadOptions) -> Result<Flow, XmlError> {
    let parts = package::Parts::read(bytes, options.max_inflate)?;
    let mut warnings = Vec::new();
    let styles = match parts.get("word/styles.xml") {
        Some(x) => styles::Styles::read(x, &mut warnings)?,
        None => styles::Styles::default(),
    };
    let numbering = match parts.get("word/numbering.xml") {
        Some(x) => numbering::Numbering::read(x, &mut warnings)?,
        None => numbering::Numbering::default(),
    };
    let footnote_texts = match parts.get("word/footnotes.xml") {
        Some(x) => body::footnotes(x, &mut warnings)?,
        None => Default::default(),
    };
    let document = parts
        .get("word/document.xml")
        .ok_or_else(|| XmlError::Docx("no word/document.xml: not a Word document".into()))?;
    let (mut flow, section) =
        body::read(document, &styles, numbering, &footnote_texts, &mut warnings)?;
    flow.furniture = furniture::furniture(&parts, &section, &mut warnings);
    if let Some(xml) = parts.get("docProps/app.xml") {
        let props = app::AppProperties::read(xml, &mut warnings);
        flow.pages = props.pages;
        flow.producer = props.application;
    }
    flow.warnings = warnings;
    if flow.paragraphs.iter().all(|p| p.text.trim().is_empty()) {
        return Err(XmlError::Empty);
    }
    Ok(flow)
}
