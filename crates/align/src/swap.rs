//! The canonical order of a pair, and an alignment seen from the other side: what makes
//! [`crate::align`] symmetric.

use std::cmp::Ordering;

use unpara_model::{Alignment, Document, FootnoteLink, ParagraphLink, SentenceLink, Summary};

/// Whether `(a, b)` is the pair's canonical order: by language code, then by the
/// SHA-256 of the source, its path, and the texts of the blocks, so two different
/// documents always come in one order whichever was named first.
pub(crate) fn canonical_order(a: &Document, b: &Document) -> bool {
    let order = a
        .language
        .code()
        .cmp(b.language.code())
        .then_with(|| a.source.sha256.cmp(&b.source.sha256))
        .then_with(|| a.source.path.cmp(&b.source.path))
        .then_with(|| {
            a.blocks
                .iter()
                .map(|x| x.text.as_str())
                .cmp(b.blocks.iter().map(|x| x.text.as_str()))
        });
    order != Ordering::Greater
}

/// The alignment with its sides swapped: links keep their order, scores and methods.
pub(crate) fn swapped(al: Alignment) -> Alignment {
    let [la, lb] = al.languages;
    Alignment {
        languages: [lb, la],
        paragraph_links: al
            .paragraph_links
            .into_iter()
            .map(|l| ParagraphLink {
                a: l.b,
                b: l.a,
                method: l.method,
                score: l.score,
            })
            .collect(),
        footnote_links: al
            .footnote_links
            .into_iter()
            .map(|l| FootnoteLink { a: l.b, b: l.a })
            .collect(),
        sentence_links: al
            .sentence_links
            .into_iter()
            .map(|l| SentenceLink {
                a: l.b,
                b: l.a,
                score: l.score,
            })
            .collect(),
        summary: swapped_summary(al.summary),
    }
}

fn swapped_summary(s: Summary) -> Summary {
    let mut sentences = s.sentences;
    std::mem::swap(&mut sentences.unaligned_a, &mut sentences.unaligned_b);
    Summary {
        links: s.links,
        one_to_one: s.one_to_one,
        unaligned_a: s.unaligned_b,
        unaligned_b: s.unaligned_a,
        sentences,
        warnings: s.warnings,
    }
}
