//! Sentence pairs of an alignment: the texts behind the sentence ids of each link.

use std::collections::HashMap;

use unpara_model::{is_xml_char, Alignment, Document, Lang, SentenceLink};

use crate::Export;

/// The sentence texts of a document by sentence id (`blockid:index`).
pub(crate) struct Sentences<'a> {
    by_id: HashMap<String, &'a str>,
    lang: Lang,
}

impl<'a> Sentences<'a> {
    pub(crate) fn new(doc: &'a Document) -> Self {
        let by_id = doc
            .blocks
            .iter()
            .flat_map(|b| {
                b.sentences
                    .iter()
                    .enumerate()
                    .map(move |(i, s)| (format!("{}:{i}", b.id), s.as_str()))
            })
            .collect();
        Sentences {
            by_id,
            lang: doc.language,
        }
    }

    /// The text of some sentences of one side, joined as the language joins sentences
    /// (nothing between Chinese sentences, a space in the other languages), on one line
    /// (tabs and line breaks become single spaces), without characters XML 1.0
    /// forbids (the reader has already dropped and counted them; this keeps documents
    /// built elsewhere from making ill-formed XML).
    pub(crate) fn text(&self, ids: &[String]) -> String {
        let sep = self.lang.word_joiner();
        let joined = ids
            .iter()
            .filter_map(|id| self.by_id.get(id).copied())
            .collect::<Vec<_>>()
            .join(sep);
        xml_safe(&joined.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// One sentence link with its texts.
pub(crate) struct Pair<'l> {
    pub link: &'l SentenceLink,
    pub a: String,
    pub b: String,
}

/// Every sentence link of an alignment that `export` keeps, with its texts, in order.
pub(crate) fn pairs<'l>(
    a: &Document,
    b: &Document,
    al: &'l Alignment,
    export: &Export,
) -> Vec<Pair<'l>> {
    let (sa, sb) = (Sentences::new(a), Sentences::new(b));
    al.sentence_links
        .iter()
        .filter(|link| export.keeps(link))
        .map(|link| Pair {
            link,
            a: sa.text(&link.a),
            b: sb.text(&link.b),
        })
        .collect()
}

/// The shape of a link, `1-2`, as XCES and OPUS write it.
pub(crate) fn shape(link: &SentenceLink) -> String {
    format!("{}-{}", link.a.len(), link.b.len())
}

/// The name of a pair for grouping its links: `export.group` when given (batch's group),
/// else the document symbol when either side prints one, else side a's folder and stem
/// without its language part ([`unpara_model::pair_key`]: `udhr/zh.xml` → `udhr`,
/// `report-ZH.pdf` → `report`), the name `batch` groups such a pair by.
pub(crate) fn group(a: &Document, b: &Document, export: &Export) -> String {
    if let Some(g) = &export.group {
        return g.clone();
    }
    if let Some(s) = a.metadata.symbol.as_ref().or(b.metadata.symbol.as_ref()) {
        return s.clone();
    }
    unpara_model::pair_key(std::path::Path::new(&a.source.path), a.language)
}

/// `s` without the characters XML 1.0 forbids (for paths and symbols written into XML).
pub(crate) fn xml_safe(s: &str) -> String {
    s.chars().filter(|&c| is_xml_char(c)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unpara_model::{Diagnostics, Metadata, Source, SourceFormat};

    fn doc(path: &str, lang: Lang, symbol: Option<&str>) -> Document {
        Document {
            source: Source {
                path: path.into(),
                format: SourceFormat::Pdf,
                sha256: String::new(),
                pages: 1,
                producer: None,
            },
            language: lang,
            metadata: Metadata {
                symbol: symbol.map(String::from),
                ..Metadata::default()
            },
            blocks: vec![],
            footnotes: vec![],
            diagnostics: Diagnostics::default(),
        }
    }

    #[test]
    fn a_pair_is_named_by_its_symbol_or_its_path_without_language() {
        let en = doc("x/en.pdf", Lang::En, None);
        let name = |path: &str, symbol: Option<&str>| {
            group(&doc(path, Lang::Zh, symbol), &en, &Export::default())
        };
        assert_eq!(name("corpus/udhr-xml/zh.xml", None), "corpus/udhr-xml");
        assert_eq!(name("in/report-ZH.pdf", None), "in/report");
        assert_eq!(name("in/report_zh.pdf", None), "in/report");
        assert_eq!(name("report.zh.docx", None), "report");
        assert_eq!(name("zh.xml", None), "untitled");
        assert_eq!(name("../corpus/udhr-xml/zh.xml", None), "corpus/udhr-xml");
        let batch = Export {
            group: Some("shared/corpus/udhr-xml".into()),
            ..Export::default()
        };
        assert_eq!(
            group(&doc("x/zh.xml", Lang::Zh, Some("A/1")), &en, &batch),
            "shared/corpus/udhr-xml"
        );
        assert_eq!(name("in/report-ZH.pdf", Some("A/RES/73/3")), "A/RES/73/3");
        assert_eq!(xml_safe("a\u{7}b"), "ab");
    }
}
