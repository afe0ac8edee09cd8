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
mod keys;
mod labels;
mod length;
mod multi;
mod pair;
mod score;
mod sentences;
mod swap;

pub use multi::{align_all, MAX_VERSIONS};
pub use sentences::LOW_SCORE;

use foldhash::HashMap;
use std::ops::Range;

use unpara_model::{
    Alignment, Block, Document, FootnoteLink, ParagraphLink, SentenceLink, SentenceSummary, Summary,
};

use beads::{align_sequences, bead_log_odds, Item};
use keys::Anchor;
use length::{prior_ratio, LengthModel};
use pair::{verdict, PairEvidence};
use score::probability;
use sentences::Sentence;

/// Aligns document `a` with document `b` (in that order of sides).
///
/// Symmetric: `align(b, a)` is `align(a, b)` with the sides swapped, every link and
/// every score the same. The pair is always aligned in one canonical order (by
/// language code, then content hash, then path) and the result turned round when the
/// arguments came the other way.
pub fn align(a: &Document, b: &Document) -> Alignment {
    if swap::canonical_order(a, b) {
        align_ordered(a, b)
    } else {
        swap::swapped(align_ordered(b, a))
    }
}

/// A paragraph link under construction: block ranges of each side, how it was made,
/// and the log-odds that it is right (`None` when one-sided).
struct Draft {
    a: Range<usize>,
    b: Range<usize>,
    method: &'static str,
    log_odds: Option<f64>,
    lexical: (u32, u32),
}

fn align_ordered(a: &Document, b: &Document) -> Alignment {
    let prior = prior_ratio(a.language, b.language);
    let (keys_a, keys_b) = (keys::keys(&a.blocks), keys::keys(&b.blocks));
    let anchors = keys::anchors(&keys_a, &keys_b);
    let items_a: Vec<Item> = a
        .blocks
        .iter()
        .zip(&keys_a)
        .map(|(blk, k)| Item::from_block(blk, k.clone()))
        .collect();
    let items_b: Vec<Item> = b
        .blocks
        .iter()
        .zip(&keys_b)
        .map(|(blk, k)| Item::from_block(blk, k.clone()))
        .collect();
    // First pass: the length model from the anchors; second pass: from the first
    // pass's confident one-to-one links, so pairs without paragraph numbers (articles
    // under headings) learn their ratio from their own text.
    let lengths = |pairs: &mut dyn Iterator<Item = (usize, usize)>| -> Vec<(usize, usize)> {
        pairs
            .filter_map(|(i, j)| Some((items_a.get(i)?.len, items_b.get(j)?.len)))
            .collect()
    };
    let first = LengthModel::estimate(&lengths(&mut anchors.iter().map(|x| (x.a, x.b))), prior);
    let drafts = paragraph_drafts(&items_a, &items_b, &anchors, &first);
    let confident = drafts
        .iter()
        .filter(|d| d.a.len() == 1 && d.b.len() == 1 && d.log_odds.is_some_and(|l| l > 0.0));
    let model = LengthModel::estimate(
        &lengths(&mut confident.map(|d| (d.a.start, d.b.start))),
        prior,
    );
    let drafts = paragraph_drafts(&items_a, &items_b, &anchors, &model);
    let total = |items: &[Item]| items.iter().map(|i| i.len).sum::<usize>();
    let evidence = PairEvidence {
        lengths: drafts
            .iter()
            .filter(|d| d.a.len() == 1 && d.b.len() == 1)
            .filter_map(|d| Some((items_a.get(d.a.start)?.len, items_b.get(d.b.start)?.len)))
            .collect(),
        shared: drafts.iter().map(|d| d.lexical.0).sum(),
        lone: drafts.iter().map(|d| d.lexical.1).sum(),
        anchors: anchors.len(),
        keyed: (
            keys_a.iter().flatten().count(),
            keys_b.iter().flatten().count(),
        ),
        symbols: (a.metadata.symbol.clone(), b.metadata.symbol.clone()),
        totals: (total(&items_a), total(&items_b)),
        languages: (a.language.code(), b.language.code()),
        runs: runs(&drafts),
    };
    let verdict = verdict(&evidence, prior);
    let ids = |blocks: &[Block], r: &Range<usize>| -> Vec<String> {
        blocks
            .get(r.clone())
            .unwrap_or_default()
            .iter()
            .map(|b| b.id.clone())
            .collect()
    };
    let links: Vec<ParagraphLink> = drafts
        .iter()
        .map(|d| ParagraphLink {
            a: ids(&a.blocks, &d.a),
            b: ids(&b.blocks, &d.b),
            method: d.method.into(),
            score: d
                .log_odds
                .map_or(0.0, |l| (probability(l) * verdict.probability) as f32),
        })
        .collect();
    let sentence_model = LengthModel::estimate(&evidence.lengths, prior);
    let sentence_links = sentence_links(
        &links,
        (a, &items_a),
        (b, &items_b),
        &sentence_model,
        verdict.probability,
    );
    let footnote_links = footnote_links(a, b);
    let mut summary = summary(&links, &sentence_links);
    summary.warnings = verdict.warnings;
    Alignment {
        languages: [a.language, b.language],
        paragraph_links: links,
        footnote_links,
        sentence_links,
        summary,
    }
}

/// Runs of consecutive one-sided drafts, and two-sided drafts.
fn runs(drafts: &[Draft]) -> (usize, usize) {
    let one_sided = |d: &Draft| d.a.is_empty() || d.b.is_empty();
    let two = drafts.iter().filter(|d| !one_sided(d)).count();
    let runs = drafts
        .iter()
        .enumerate()
        .filter(|(i, d)| {
            one_sided(d)
                && i.checked_sub(1)
                    .and_then(|k| drafts.get(k))
                    .is_none_or(|p| !one_sided(p))
        })
        .count();
    (runs, two)
}

/// The paragraph links of two documents' items: the anchors, and between them the
/// dynamic programme's beads.
fn paragraph_drafts(a: &[Item], b: &[Item], anchors: &[Anchor], model: &LengthModel) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::new();
    let (mut ia, mut ib) = (0usize, 0usize);
    let end = Anchor {
        a: a.len(),
        b: b.len(),
        numbered: false,
    };
    for anchor in anchors.iter().chain(std::iter::once(&end)) {
        let (seg_a, seg_b) = (
            a.get(ia..anchor.a).unwrap_or_default(),
            b.get(ib..anchor.b).unwrap_or_default(),
        );
        for bead in align_sequences(seg_a, seg_b, model) {
            let lexical = bead
                .evidence
                .as_ref()
                .map_or((0, 0), |e| (e.shared, e.lone));
            let one_sided = bead.a.is_empty() || bead.b.is_empty();
            out.push(Draft {
                method: if one_sided {
                    "unaligned"
                } else if bead.label_match {
                    "label"
                } else {
                    "dp"
                },
                log_odds: bead_log_odds(&bead),
                a: bead.a.start + ia..bead.a.end + ia,
                b: bead.b.start + ib..bead.b.end + ib,
                lexical,
            });
        }
        if let (Some(x), Some(y)) = (a.get(anchor.a), b.get(anchor.b)) {
            let e = beads::evidence(std::slice::from_ref(x), std::slice::from_ref(y), model);
            out.push(Draft {
                a: anchor.a..anchor.a + 1,
                b: anchor.b..anchor.b + 1,
                method: if anchor.numbered { "number" } else { "label" },
                log_odds: Some(score::log_odds(&e)),
                lexical: (e.shared, e.lone),
            });
        }
        ia = anchor.a + 1;
        ib = anchor.b + 1;
    }
    out
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
        warnings: Vec::new(),
    }
}

/// The sentence links inside the paragraph links, under the length model learned from
/// the one-to-one paragraph links. A sentence link's score is the probability its own
/// evidence gives, times the pair's, and never above its paragraph link's.
fn sentence_links(
    links: &[ParagraphLink],
    (a, items_a): (&Document, &[Item]),
    (b, items_b): (&Document, &[Item]),
    model: &LengthModel,
    pair: f64,
) -> Vec<SentenceLink> {
    let index = |d: &Document| -> HashMap<String, usize> {
        d.blocks
            .iter()
            .enumerate()
            .map(|(i, b)| (b.id.clone(), i))
            .collect()
    };
    let (index_a, index_b) = (index(a), index(b));
    // The sentences of a side of a link, in order, with their ids. A block that is one
    // sentence lends it the anchors already found in its text.
    let side = |ids: &[String], d: &Document, items: &[Item], index: &HashMap<String, usize>| {
        let mut out: (Vec<String>, Vec<Sentence>) = (Vec::new(), Vec::new());
        for k in ids.iter().filter_map(|id| index.get(id)) {
            let Some(blk) = d.blocks.get(*k) else {
                continue;
            };
            let whole = match blk.sentences.as_slice() {
                [only] if *only == blk.text => items.get(*k).map(|item| &item.anchors),
                _ => None,
            };
            for (i, s) in blk.sentences.iter().enumerate() {
                out.0.push(format!("{}:{i}", blk.id));
                out.1.push(match whole {
                    Some(anchors) => Sentence::with_anchors(s, anchors.clone()),
                    None => Sentence::new(s),
                });
            }
        }
        out
    };
    let mut out = Vec::new();
    for link in links {
        let (ids_a, sa) = side(&link.a, a, items_a, &index_a);
        let (ids_b, sb) = side(&link.b, b, items_b, &index_b);
        let pick = |ids: &[String], r: std::ops::Range<usize>| -> Vec<String> {
            ids.get(r).unwrap_or_default().to_vec()
        };
        for bead in sentences::align(&sa, &sb, model) {
            let score = bead
                .log_odds
                .map_or(0.0, |l| ((probability(l) * pair) as f32).min(link.score));
            out.push(SentenceLink {
                a: pick(&ids_a, bead.a),
                b: pick(&ids_b, bead.b),
                score,
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
