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
