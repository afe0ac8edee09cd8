//! One input through reader → structure → sentences, from its bytes.

use std::borrow::Cow;

use sha2::{Digest, Sha256};
use unpara_model::{Document, Lang, Layout, Source, SourceFormat};
use unpara_pdf::{PdfError, ReadOptions};
use unpara_structure::StructureError;
use unpara_xml::{InputKind, XmlError};

/// How documents are read.
#[derive(Debug, Clone, Default)]
pub struct Reading<'a> {
    /// Language of the document, when the user gives it; detected from the text
    /// otherwise.
    pub lang: Option<Lang>,
    /// Password of encrypted PDFs (user or owner password).
    pub password: Option<&'a str>,
    /// Largest size the parts of a Word document may inflate to, in bytes
    /// ([`unpara_xml::DEFAULT_MAX_INFLATE`] when `None`).
    pub max_inflate: Option<u64>,
    /// Read a PDF's pages on the calling thread only (see
    /// [`unpara_pdf::ReadOptions::sequential`]).
    pub sequential: bool,
}

/// Why bytes are no input ([`ReadError::Unknown`]).
const UNKNOWN_REASON: &str = "not a PDF, Word or XML document";

/// Why an input could not be read. Its `Display` is the input's name (and, for a
/// document without text, the reader's first warning); the reason is its
/// [`std::error::Error::source`], so `anyhow`'s `{:#}` prints `name: reason`.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// The PDF reader failed (damaged file, encrypted without the password …).
    #[error("{name}")]
    Pdf {
        /// The input's name (its path).
        name: String,
        /// The reader's error.
        #[source]
        source: PdfError,
    },
    /// The XML or Word reader failed (malformed, a zip bomb, no text …).
    #[error("{name}")]
    Xml {
        /// The input's name.
        name: String,
        /// The reader's error.
        #[source]
        source: XmlError,
    },
    /// The layout holds nothing the structure stage can use (no text).
    #[error("{context}")]
    Structure {
        /// The input's name.
        name: String,
        /// The input's name, with the reader's first warning when it gave any (they
        /// usually say why a document has no text).
        context: String,
        /// The structure stage's error.
        #[source]
        source: StructureError,
    },
    /// The bytes are neither a PDF, nor a ZIP container, nor XML.
    #[error("{name}: {UNKNOWN_REASON}")]
    Unknown {
        /// The input's name.
        name: String,
    },
}

impl ReadError {
    /// The whole message, `name: reason: cause …`, as the command line prints it.
    pub fn message(&self) -> String {
        match self {
            ReadError::Unknown { .. } => self.to_string(),
            _ => format!("{self}: {}", self.reason()),
        }
    }

    /// The reason alone, without the input's name: the causes joined by `: `.
    pub fn reason(&self) -> String {
        let mut causes = Vec::new();
        let mut cause = std::error::Error::source(self);
        while let Some(c) = cause {
            causes.push(c.to_string());
            cause = c.source();
        }
        match self {
            ReadError::Unknown { .. } => UNKNOWN_REASON.to_string(),
            _ => causes.join(": "),
        }
    }

    /// The input's name.
    pub fn name(&self) -> &str {
        match self {
            ReadError::Pdf { name, .. }
            | ReadError::Xml { name, .. }
            | ReadError::Structure { name, .. }
            | ReadError::Unknown { name } => name,
        }
    }

    /// Whether a PDF is encrypted and the password is missing or wrong.
    pub fn is_encrypted(&self) -> bool {
        matches!(
            self,
            ReadError::Pdf {
                source: PdfError::Encrypted | PdfError::WrongPassword,
                ..
            }
        )
    }

    /// Whether a limit was hit (a Word document inflating past `max_inflate`).
    pub fn is_limit(&self) -> bool {
        matches!(
            self,
            ReadError::Xml {
                source: XmlError::TooLarge { .. },
                ..
            }
        )
    }
}

/// The layout of a PDF (`bytes`); `name` names it in errors.
///
/// # Errors
/// [`ReadError::Pdf`] when the PDF cannot be read.
pub fn read_layout(name: &str, bytes: &[u8], password: Option<&str>) -> Result<Layout, ReadError> {
    let options = ReadOptions {
        password: password.map(str::to_string),
        sequential: false,
    };
    pdf_layout(name, bytes, &options)
}

fn pdf_layout(name: &str, bytes: &[u8], options: &ReadOptions) -> Result<Layout, ReadError> {
    unpara_pdf::read_pdf(bytes, options).map_err(|source| ReadError::Pdf {
        name: name.to_string(),
        source,
    })
}

/// Reads, structures and segments one input: PDF, Word or XML, told apart by content
/// ([`unpara_xml::detect`]), never by `name`, which only names it (in errors and in the
/// document's `source.path`). The document's `source.sha256` is the SHA-256 of `bytes`.
/// `bytes` may be borrowed or owned (`&[u8]`, `&Vec<u8>`, `Vec<u8>`): owned bytes are
/// freed as soon as the reader is done with them (see [`unpara_xml::read_xml`]).
///
/// # Errors
/// A [`ReadError`] naming the input and the reason.
pub fn read_document<'a>(
    name: &str,
    bytes: impl Into<Cow<'a, [u8]>>,
    how: &Reading,
) -> Result<Document, ReadError> {
    let bytes: Cow<'a, [u8]> = bytes.into();
    let sha256 = sha256_hex(&bytes);
    let xml_options = || xml_options(name, how);
    let xml_error = |source| ReadError::Xml {
        name: name.to_string(),
        source,
    };
    let mut doc = match unpara_xml::detect(&bytes) {
        InputKind::Pdf => pdf_document(name, bytes, how)?,
        InputKind::Xml => unpara_xml::read_xml(bytes, &xml_options()).map_err(xml_error)?,
        InputKind::Zip => {
            let flow = unpara_xml::read_docx(&bytes, &xml_options()).map_err(xml_error)?;
            let source = Source {
                path: name.to_string(),
                format: SourceFormat::Docx,
                sha256: String::new(),
                pages: flow
                    .pages
                    .unwrap_or_else(|| flow.paragraphs.last().map_or(0, |p| p.page)),
                producer: flow.producer.clone(),
            };
            unpara_structure::build_document_from_flow(&flow, source, how.lang).map_err(
                |source| ReadError::Structure {
                    name: name.to_string(),
                    context: name.to_string(),
                    source,
                },
            )?
        }
        InputKind::Unknown => {
            return Err(ReadError::Unknown {
                name: name.to_string(),
            })
        }
    };
    doc.source.sha256 = sha256;
    doc.drop_forbidden_chars();
    unpara_sentences::segment_document(&mut doc);
    Ok(doc)
}

/// SHA-256 of `bytes`, 64 lower-case hexadecimal digits ([`Source::sha256`]).
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// The XML and Word readers' options for input `name`.
pub(crate) fn xml_options(name: &str, how: &Reading) -> unpara_xml::ReadOptions {
    unpara_xml::ReadOptions {
        path: name.to_string(),
        lang: how.lang,
        max_inflate: how.max_inflate.unwrap_or(unpara_xml::DEFAULT_MAX_INFLATE),
    }
}

/// The document of a PDF's `bytes`; owned bytes are freed once the pages are read,
/// before the structure is built, whose allocations then reuse their memory instead
/// of faulting in more (page faults of `extract` on S_2013_220.pdf 669 → 645, perf).
fn pdf_document(name: &str, bytes: Cow<'_, [u8]>, how: &Reading) -> Result<Document, ReadError> {
    let options = ReadOptions {
        password: how.password.map(str::to_string),
        sequential: how.sequential,
    };
    let layout = pdf_layout(name, &bytes, &options)?;
    drop(bytes);
    let source = Source {
        path: name.to_string(),
        format: SourceFormat::Pdf,
        sha256: String::new(),
        pages: u32::try_from(layout.pages.len()).unwrap_or(u32::MAX),
        producer: layout.producer.clone(),
    };
    // The reader's warnings usually say why a document has no text.
    let context = match layout.warnings.as_slice() {
        [] => name.to_string(),
        [w] => format!("{name} (warning: {w})"),
        [w, ..] => format!("{name} (warning: {w}; {} more)", layout.warnings.len() - 1),
    };
    unpara_structure::build_document_owned(layout, source, how.lang).map_err(|source| {
        ReadError::Structure {
            name: name.to_string(),
            context,
            source,
        }
    })
}
