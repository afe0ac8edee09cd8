//! A structured document: metadata, blocks and footnotes (contract schema "1").

use serde::{Deserialize, Serialize};

/// A document language, as an ISO 639-1 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Chinese.
    Zh,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code: `zh` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Parses an ISO 639-1 code or an English language name (`Chinese`, `English`),
    /// case-insensitively. `None` for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "zh" | "chinese" | "zh-cn" | "zho" | "chi" => Some(Lang::Zh),
            "en" | "english" | "eng" => Some(Lang::En),
            _ => None,
        }
    }
}

/// The input format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// PDF.
    Pdf,
    /// Word (Office Open XML, `.docx`).
    Docx,
    /// United Nations Parallel Corpus XML (TEI-like, `<s>` sentences).
    #[serde(rename = "unpc-xml")]
    UnpcXml,
    /// The udhr-in-unicode XML of the Universal Declaration of Human Rights.
    #[serde(rename = "udhr-xml")]
    UdhrXml,
    /// Any other XML: its text nodes in document order.
    Xml,
}

impl SourceFormat {
    /// The contract's name for the format (`pdf`, `docx`, `unpc-xml`, `udhr-xml`, `xml`).
    pub fn as_str(self) -> &'static str {
        match self {
            SourceFormat::Pdf => "pdf",
            SourceFormat::Docx => "docx",
            SourceFormat::UnpcXml => "unpc-xml",
            SourceFormat::UdhrXml => "udhr-xml",
            SourceFormat::Xml => "xml",
        }
    }
}

/// Where a document came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// The path as given by the user.
    pub path: String,
    /// Input format.
    pub format: SourceFormat,
    /// SHA-256 of the input bytes, lowercase hex.
    pub sha256: String,
    /// Number of pages.
    pub pages: u32,
    /// Producer from the document information dictionary, if any.
    pub producer: Option<String>,
}

/// Front-page metadata of a UN document. Every field is `None` when not found.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Metadata {
    /// Document symbol, e.g. `CAC/COSP/WG.4/2017/4`.
    pub symbol: Option<String>,
    /// Job number of this language version, e.g. `V.17-06020`.
    pub job_number: Option<String>,
    /// Distribution, e.g. `General`, `Limited`.
    pub distribution: Option<String>,
    /// Issue date, ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Original language of the document.
    pub original_language: Option<Lang>,
    /// Title.
    pub title: Option<String>,
}

/// The kind of a block (contract schema "1").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BlockKind {
    /// A heading such as `I.`/`一.`, `A.`, `(i)`/`(一)`.
    Heading,
    /// A numbered body paragraph (`number` set).
    Paragraph,
    /// A sub-item such as `(a)` of a numbered paragraph (`parent` set).
    Item,
    /// Any other body text: preambular paragraphs, front matter, list lines.
    Text,
    /// One row of a table: its cells in order, separated by a tab (an extension of
    /// schema "1": a row is neither running text nor a numbered paragraph).
    Table,
}

impl BlockKind {
    /// The contract's name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::Item => "item",
            BlockKind::Text => "text",
            BlockKind::Table => "table",
        }
    }
}

/// One block of body text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    /// Identifier unique in the document: `b0`, `b1`, … in reading order.
    pub id: String,
    /// Kind of block.
    pub kind: BlockKind,
    /// The label as printed (`1.`, `(a)`, `一.`), without the text.
    pub label: Option<String>,
    /// Heading depth (1 for `I.`, 2 for `A.`, 3 for `(i)`), or list depth for list lines.
    pub level: Option<u8>,
    /// Paragraph number for numbered paragraphs (`"12"`).
    pub number: Option<String>,
    /// Id of the enclosing paragraph for items and list lines.
    pub parent: Option<String>,
    /// Text without label, running header/footer, footnote bodies or markers.
    pub text: String,
    /// 1-based pages the block is printed on.
    pub pages: Vec<u32>,
    /// Footnote markers referenced from the block, in order.
    pub footnote_refs: Vec<String>,
    /// Sentences; they concatenate back to `text` (with single spaces in English).
    pub sentences: Vec<String>,
}

/// A footnote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    /// Marker as printed (`1`, `a`, `*`).
    pub marker: String,
    /// Footnote text without the marker.
    pub text: String,
    /// 1-based page the footnote is printed on.
    pub page: u32,
    /// Id of the block that references it, if the reference was found.
    pub block: Option<String>,
}

/// What could not be read or placed.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Diagnostics {
    /// Glyphs whose code could not be mapped to Unicode.
    pub undecodable_glyphs: u64,
    /// Every warning, one sentence each.
    pub warnings: Vec<String>,
}

/// A structured document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Where it came from.
    pub source: Source,
    /// Its language.
    pub language: Lang,
    /// Front-page metadata.
    pub metadata: Metadata,
    /// Body blocks in reading order.
    pub blocks: Vec<Block>,
    /// Footnotes in order of appearance.
    pub footnotes: Vec<Footnote>,
    /// What could not be read or placed.
    pub diagnostics: Diagnostics,
}
