//! Alignment stage of unpara: two [`Document`]s → an [`Alignment`].
//!
//! Numbered paragraphs link by number (`method: "number"`). Between those anchors the
//! remaining blocks link by a small monotone dynamic programme over beads 1-1, 1-2,
//! 2-1, 1-0, 0-1, 3-1 and 1-3 (`beads.rs`), whose cost combines a length model (characters of one
//! language against the other, the ratio learned from the anchored pairs of the same
//! document pair, after Gale & Church 1993) and label equality (`一.`↔`I.`, `A.`↔`A.`,
//! `(a)`↔`(a)`, `(一)`↔`(i)`). Every block of both documents ends up in exactly one
//! link; a block without partner gets a link with an empty other side. Footnotes link
//! by marker; sentences link inside 1-1 paragraph links by the same programme.
//!
//! ```
//! # use unpara_model::*;
//! let doc = |lang, text: &str| Document {
//!     source: Source { path: String::new(), format: SourceFormat::Pdf, sha256: String::new(), pages: 1, producer: None },
//!     language: lang, metadata: Metadata::default(),
//!     blocks: vec![Block { id: "b0".into(), kind: BlockKind::Paragraph, label: Some("1.".into()), level: None,
//!         number: Some("1".into()), parent: None, text: text.into(), pages: vec![1], footnote_refs: vec![],
//!         sentences: vec![text.into()] }],
//!     footnotes: vec![], diagnostics: Diagnostics::default() };
//! let a = unpara_align::align(&doc(Lang::Zh, "会议开幕。"), &doc(Lang::En, "The meeting opened."));
//! assert_eq!(a.paragraph_links[0].method, "number");
//! assert_eq!(a.sentence_links.len(), 1);
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod anchors;
mod band;
mod beads;
mod labels;
mod length;
mod sentences;

pub use sentences::LOW_SCORE;

use std::collections::HashMap;

use unpara_model::{
    Alignment, Block, Document, FootnoteLink, ParagraphLink, SentenceLink, SentenceSummary, Summary,
};

use beads::{align_sequences, Bead, Item};
use sentences::Sentence;

/// Aligns document `a` with document `b` (in that order of sides).
pub fn align(a: &Document, b: &Document) -> Alignment {
    let anchors = number_anchors(&a.blocks, &b.blocks);
    let ratio = length::ratio(&anchors, &a.blocks, &b.blocks);
    let mut links: Vec<ParagraphLink> = Vec::new();
    let (mut ia, mut ib) = (0usize, 0usize);
    let mut boundaries = anchors.clone();
    boundaries.push((a.blocks.len(), b.blocks.len()));
    for (ea, eb) in boundaries {
        let seg_a = a.blocks.get(ia..ea).unwrap_or_default();
        let seg_b = b.blocks.get(ib..eb).unwrap_or_default();
        links.extend(align_segment(seg_a, seg_b, ratio));
        if let (Some(ba), Some(bb)) = (a.blocks.get(ea), b.blocks.get(eb)) {
            let score = length::score(length::chars(&ba.text), length::chars(&bb.text), ratio);
            links.push(ParagraphLink {
                a: vec![ba.id.clone()],
                b: vec![bb.id.clone()],
                method: "number".into(),
                score: 0.5 + 0.5 * score,
            });
        }
        ia = ea + 1;
        ib = eb + 1;
    }
    let sentence_links = sentence_links(&links, a, b);
    let footnote_links = footnote_links(a, b);
    let summary = summary(&links, &sentence_links);
    Alignment {
        languages: [a.language, b.language],
        paragraph_links: links,
        footnote_links,
        sentence_links,
        summary,
    }
}

/// The counts of an alignment's paragraph and sentence links ([`Summary`]), as
/// [`align`] gives them; for alignments built elsewhere (`unpara align --links`).
pub fn summary(links: &[ParagraphLink], sentence_links: &[SentenceLink]) -> Summary {
    Summary {
        links: links.len(),
        one_to_one: links
            .iter()
            .filter(|l| l.a.len() == 1 && l.b.len() == 1)
            .count(),
        unaligned_a: links
            .iter()
            .filter(|l| l.b.is_empty())
            .map(|l| l.a.len())
            .sum(),
        unaligned_b: links
            .iter()
            .filter(|l| l.a.is_empty())
            .map(|l| l.b.len())
            .sum(),
        sentences: sentence_summary(sentence_links),
    }
}

/// Index pairs of numbered paragraphs with the same number, kept only where they
/// increase on both sides (a monotone chain).
fn number_anchors(a: &[Block], b: &[Block]) -> Vec<(usize, usize)> {
    let by_number: HashMap<&str, usize> = b
        .iter()
        .enumerate()
        .filter_map(|(i, blk)| blk.number.as_deref().map(|n| (n, i)))
        .collect();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, blk) in a.iter().enumerate() {
        let Some(j) = blk.number.as_deref().and_then(|n| by_number.get(n)) else {
            continue;
        };
        if out.last().is_none_or(|&(pi, pj)| i > pi && *j > pj) {
            out.push((i, *j));
        }
    }
    out
}

fn align_segment(a: &[Block], b: &[Block], ratio: f64) -> Vec<ParagraphLink> {
    let items_a: Vec<Item> = a.iter().map(Item::from_block).collect();
    let items_b: Vec<Item> = b.iter().map(Item::from_block).collect();
    align_sequences(&items_a, &items_b, ratio)
        .into_iter()
        .map(|bead| bead_link(bead, a, b))
        .collect()
}

fn bead_link(bead: Bead, a: &[Block], b: &[Block]) -> ParagraphLink {
    let ids = |blocks: &[Block], r: std::ops::Range<usize>| -> Vec<String> {
        blocks
            .get(r)
            .unwrap_or_default()
            .iter()
            .map(|b| b.id.clone())
            .collect()
    };
    let (ia, ib) = (ids(a, bead.a.clone()), ids(b, bead.b.clone()));
    let method = if ia.is_empty() || ib.is_empty() {
        "unaligned"
    } else if bead.label_match {
        "label"
    } else {
        "dp"
    };
    ParagraphLink {
        a: ia,
        b: ib,
        method: method.into(),
        score: bead.score,
    }
}

fn sentence_links(links: &[ParagraphLink], a: &Document, b: &Document) -> Vec<SentenceLink> {
    let blocks_a: HashMap<&str, &Block> = a.blocks.iter().map(|b| (b.id.as_str(), b)).collect();
    let blocks_b: HashMap<&str, &Block> = b.blocks.iter().map(|b| (b.id.as_str(), b)).collect();
    let text_len = |ids: &[String], blocks: &HashMap<&str, &Block>| -> usize {
        ids.iter()
            .filter_map(|id| blocks.get(id.as_str()))
            .map(|b| length::chars(&b.text))
            .sum()
    };
    let model = sentences::LengthModel::estimate(
        &links
            .iter()
            .filter(|l| l.a.len() == 1 && l.b.len() == 1)
            .map(|l| (text_len(&l.a, &blocks_a), text_len(&l.b, &blocks_b)))
            .collect::<Vec<_>>(),
    );
    // The sentences of a side of a link, in order, with their ids.
    let side = |ids: &[String], blocks: &HashMap<&str, &Block>| -> (Vec<String>, Vec<Sentence>) {
        ids.iter()
            .filter_map(|id| blocks.get(id.as_str()))
            .flat_map(|blk| {
                blk.sentences
                    .iter()
                    .enumerate()
                    .map(|(i, s)| (format!("{}:{i}", blk.id), Sentence::new(s)))
            })
            .unzip()
    };
    let mut out = Vec::new();
    for link in links {
        let (ids_a, sa) = side(&link.a, &blocks_a);
        let (ids_b, sb) = side(&link.b, &blocks_b);
        let pick = |ids: &[String], r: std::ops::Range<usize>| -> Vec<String> {
            ids.get(r).unwrap_or_default().to_vec()
        };
        for bead in sentences::align(&sa, &sb, &model) {
            out.push(SentenceLink {
                a: pick(&ids_a, bead.a),
                b: pick(&ids_b, bead.b),
                score: bead.score,
            });
        }
    }
    out
}

fn sentence_summary(links: &[SentenceLink]) -> SentenceSummary {
    let one_sided = |f: fn(&SentenceLink) -> bool, n: fn(&SentenceLink) -> usize| {
        links.iter().filter(|l| f(l)).map(n).sum()
    };
    SentenceSummary {
        links: links.len(),
        one_to_one: links
            .iter()
            .filter(|l| l.a.len() == 1 && l.b.len() == 1)
            .count(),
        unaligned_a: one_sided(|l| l.b.is_empty(), |l| l.a.len()),
        unaligned_b: one_sided(|l| l.a.is_empty(), |l| l.b.len()),
        low_score: links
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.a.is_empty() && !l.b.is_empty() && l.score < LOW_SCORE)
            .map(|(i, _)| i)
            .collect(),
        threshold: LOW_SCORE,
    }
}

fn footnote_links(a: &Document, b: &Document) -> Vec<FootnoteLink> {
    let mut out: Vec<FootnoteLink> = Vec::new();
    for f in &a.footnotes {
        let partner = b
            .footnotes
            .iter()
            .find(|g| g.marker == f.marker)
            .map(|g| g.marker.clone());
        out.push(FootnoteLink {
            a: Some(f.marker.clone()),
            b: partner,
        });
    }
    for g in &b.footnotes {
        if !a.footnotes.iter().any(|f| f.marker == g.marker) {
            out.push(FootnoteLink {
                a: None,
                b: Some(g.marker.clone()),
            });
        }
    }
    out
}
