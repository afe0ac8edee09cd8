//! An alignment between two documents (contract schema "1").
//!
//! Side `a` and side `b` follow the order of [`Alignment::languages`].

use serde::{Deserialize, Serialize};

use crate::Lang;

/// A link between blocks of the two documents (a bead: 1-1, 1-2, 0-1 …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParagraphLink {
    /// Block ids on side a (possibly empty).
    pub a: Vec<String>,
    /// Block ids on side b (possibly empty).
    pub b: Vec<String>,
    /// The evidence that made the link: `number`, `label`, `dp`, `unaligned`.
    pub method: String,
    /// Confidence in [0, 1].
    pub score: f32,
}

/// A link between footnotes of the two documents, by marker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FootnoteLink {
    /// Marker on side a, if any.
    pub a: Option<String>,
    /// Marker on side b, if any.
    pub b: Option<String>,
}

/// A link between sentences, by sentence id `blockid:index`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceLink {
    /// Sentence ids on side a.
    pub a: Vec<String>,
    /// Sentence ids on side b.
    pub b: Vec<String>,
    /// Confidence in [0, 1].
    pub score: f32,
}

/// Counts over the paragraph links, and over the sentence links.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Summary {
    /// Number of paragraph links.
    pub links: usize,
    /// Links with exactly one block on each side.
    pub one_to_one: usize,
    /// Blocks of side a without a partner.
    pub unaligned_a: usize,
    /// Blocks of side b without a partner.
    pub unaligned_b: usize,
    /// Counts over the sentence links.
    pub sentences: SentenceSummary,
    /// What looked wrong about the pair (different symbols, lengths that do not follow
    /// the language pair's ratio, few shared numbers and names, one version much
    /// shorter), in words; empty when nothing did.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// Counts over the sentence links, and the links a reviewer should look at.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SentenceSummary {
    /// Number of sentence links.
    pub links: usize,
    /// Links with exactly one sentence on each side.
    pub one_to_one: usize,
    /// Sentences of side a without a partner.
    pub unaligned_a: usize,
    /// Sentences of side b without a partner.
    pub unaligned_b: usize,
    /// Indices (into the sentence links) of the links with both sides whose score is
    /// below [`SentenceSummary::threshold`].
    pub low_score: Vec<usize>,
    /// The score below which a link is listed in `low_score`.
    pub threshold: f32,
}

/// The alignment of two documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alignment {
    /// Languages of side a and side b.
    pub languages: [Lang; 2],
    /// Every block of both documents, in exactly one link each, in reading order.
    pub paragraph_links: Vec<ParagraphLink>,
    /// Footnote links by marker.
    pub footnote_links: Vec<FootnoteLink>,
    /// Sentence links inside paragraph links.
    pub sentence_links: Vec<SentenceLink>,
    /// Counts.
    pub summary: Summary,
}

/// A link across the versions of one document: for each document of the set (by its
/// index in [`MultiAlignment::languages`]), the ids it contributes (block ids or
/// sentence ids), empty when that version has no part in the link.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MultiLink {
    /// Ids per document, in document order within each.
    pub ids: Vec<Vec<String>>,
    /// How the weakest of the pairwise links it is made of was made (`number`, `label`,
    /// `dp`, `links`), `unaligned` when only one version has a part.
    pub method: String,
    /// The lowest score of the pairwise links it is made of, in [0, 1] (1 when
    /// one-sided: nothing to doubt).
    pub score: f32,
}

/// The alignment of one pair of a set: documents `a` and `b` (indices into the set).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PairAlignment {
    /// Index of side a's document.
    pub a: usize,
    /// Index of side b's document.
    pub b: usize,
    /// The pair's own alignment, side a first.
    pub alignment: Alignment,
}

/// The alignment of all language versions of one document (up to six): every pair
/// aligned on its own, and links across all versions made through the pivot version's
/// pairs (paragraph numbers, labels and headings anchor each of them).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MultiAlignment {
    /// The documents' languages, in the order the documents were given.
    pub languages: Vec<Lang>,
    /// Index of the pivot document (English when there is one, else the first).
    pub pivot: usize,
    /// Paragraph links across all versions; every block of every version is in
    /// exactly one.
    pub paragraph_links: Vec<MultiLink>,
    /// Sentence links across all versions; every sentence is in exactly one.
    pub sentence_links: Vec<MultiLink>,
    /// Every pair's alignment (n·(n−1)/2 of them), in the order (0,1), (0,2), … (1,2) ….
    pub pairs: Vec<PairAlignment>,
}
