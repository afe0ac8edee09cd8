//! A structured document: metadata, blocks and footnotes (contract schema "1").

use serde::{Deserialize, Serialize};

/// A document language, as an ISO 639-1 code: the six official languages of the United
/// Nations, in the UN's order (Arabic, Chinese, English, French, Russian, Spanish).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Arabic.
    Ar,
    /// Chinese.
    Zh,
    /// English.
    En,
    /// French.
    Fr,
    /// Russian.
    Ru,
    /// Spanish.
    Es,
}

/// The script a language is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Arabic script, written right to left.
    Arabic,
    /// Han characters (no spaces between words).
    Han,
    /// Latin letters.
    Latin,
    /// Cyrillic letters.
    Cyrillic,
}

/// Names of each language as the six versions print them (`Original: English`,
/// `Original : anglais`, `Original: inglés`, `Подлинный текст: английский`,
/// `الأصل: بالإنكليزية`, `原文：英文`), with ISO 639-1/639-2 codes; matched lower-cased.
const LANGUAGE_NAMES: [(Lang, &[&str]); 6] = [
    (
        Lang::Ar,
        &[
            "ar",
            "ara",
            "arb",
            "arabic",
            "arabe",
            "árabe",
            "арабский",
            "العربية",
            "بالعربية",
            "عربي",
            "阿拉伯文",
        ],
    ),
    (
        Lang::Zh,
        &[
            "zh",
            "zh-cn",
            "zho",
            "chi",
            "chinese",
            "chinois",
            "chino",
            "китайский",
            "الصينية",
            "بالصينية",
            "中文",
        ],
    ),
    (
        Lang::En,
        &[
            "en",
            "eng",
            "english",
            "anglais",
            "inglés",
            "ingles",
            "английский",
            "الإنكليزية",
            "بالإنكليزية",
            "الانكليزية",
            "بالانكليزية",
            "الإنجليزية",
            "بالإنجليزية",
            "英文",
        ],
    ),
    (
        Lang::Fr,
        &[
            "fr",
            "fra",
            "fre",
            "french",
            "français",
            "francais",
            "francés",
            "frances",
            "французский",
            "الفرنسية",
            "بالفرنسية",
            "法文",
        ],
    ),
    (
        Lang::Ru,
        &[
            "ru",
            "rus",
            "russian",
            "russe",
            "ruso",
            "русский",
            "الروسية",
            "بالروسية",
            "俄文",
        ],
    ),
    (
        Lang::Es,
        &[
            "es",
            "spa",
            "esp",
            "spanish",
            "espagnol",
            "español",
            "espanol",
            "испанский",
            "الإسبانية",
            "بالإسبانية",
            "西班牙文",
        ],
    ),
];

impl Lang {
    /// The six languages in the UN's order.
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    /// The ISO 639-1 code: `ar`, `zh`, `en`, `fr`, `ru` or `es`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Zh => "zh",
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Es => "es",
        }
    }

    /// The letter after a job number that names the language version in UN document
    /// footers (`18-16895 (E)`): A, C, E, F, R, S (UN Editorial Manual, "Job numbers").
    pub fn job_letter(self) -> char {
        match self {
            Lang::Ar => 'A',
            Lang::Zh => 'C',
            Lang::En => 'E',
            Lang::Fr => 'F',
            Lang::Ru => 'R',
            Lang::Es => 'S',
        }
    }

    /// The language of a job number's letter ([`Lang::job_letter`]'s inverse).
    pub fn from_job_letter(c: char) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.job_letter() == c)
    }

    /// The script the language is written in.
    pub fn script(self) -> Script {
        match self {
            Lang::Ar => Script::Arabic,
            Lang::Zh => Script::Han,
            Lang::En | Lang::Fr | Lang::Es => Script::Latin,
            Lang::Ru => Script::Cyrillic,
        }
    }

    /// What joins two lines or pieces of one paragraph: nothing in Chinese, a space in
    /// the five languages that write spaces between words.
    pub fn word_joiner(self) -> &'static str {
        match self {
            Lang::Zh => "",
            _ => " ",
        }
    }

    /// True for a language written right to left (Arabic).
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// Parses an ISO 639-1/639-2 code or a language name as any of the six versions
    /// print it (`Chinese`, `anglais`, `inglés`, `английский`, `بالإنكليزية`, `英文`),
    /// case-insensitively. `None` for anything else.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_lowercase();
        LANGUAGE_NAMES
            .iter()
            .find(|(_, names)| names.contains(&s.as_str()))
            .map(|&(l, _)| l)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_names_of_the_six_versions() {
        assert_eq!(Lang::parse("anglais"), Some(Lang::En));
        assert_eq!(Lang::parse("Inglés"), Some(Lang::En));
        assert_eq!(Lang::parse("английский"), Some(Lang::En));
        assert_eq!(Lang::parse("بالإنكليزية"), Some(Lang::En));
        assert_eq!(Lang::parse("英文"), Some(Lang::En));
        assert_eq!(Lang::parse("Français"), Some(Lang::Fr));
        assert_eq!(Lang::parse("RU"), Some(Lang::Ru));
        assert_eq!(Lang::parse("ESPAÑOL"), Some(Lang::Es));
        assert_eq!(Lang::parse("العربية"), Some(Lang::Ar));
        assert_eq!(Lang::parse("chinese"), Some(Lang::Zh));
        assert_eq!(Lang::parse("klingon"), None);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
            assert_eq!(Lang::from_job_letter(l.job_letter()), Some(l));
        }
    }
}
