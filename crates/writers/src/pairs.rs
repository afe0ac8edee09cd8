//! Sentence pairs of an alignment: the texts behind the sentence ids of each link.

use std::collections::HashMap;

use unpara_model::{Alignment, Document, Lang, SentenceLink};

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
    /// (nothing between Chinese sentences, a space between English ones), on one line.
    pub(crate) fn text(&self, ids: &[String]) -> String {
        let sep = match self.lang {
            Lang::Zh => "",
            Lang::En => " ",
        };
        let joined = ids
            .iter()
            .filter_map(|id| self.by_id.get(id).copied())
            .collect::<Vec<_>>()
            .join(sep);
        joined.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// One sentence link with its texts.
pub(crate) struct Pair<'l> {
    pub link: &'l SentenceLink,
    pub a: String,
    pub b: String,
}

/// Every sentence link of an alignment with its texts, in order.
pub(crate) fn pairs<'l>(a: &Document, b: &Document, al: &'l Alignment) -> Vec<Pair<'l>> {
    let (sa, sb) = (Sentences::new(a), Sentences::new(b));
    al.sentence_links
        .iter()
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
