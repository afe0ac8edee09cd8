//! Wire structs of an aligned set (all language versions of one document, an extension
//! of schema "1"): every key that names a version is its language code.

use schemars::JsonSchema;
use serde::Serialize;
use unpara_model::{Document, Lang, MultiAlignment, MultiLink};

use crate::wire::{document, links, round, ByLang, WireDocument, WireLinks, SCHEMA_VERSION};

/// An aligned set: the versions, links across all of them, and every pair's links.
#[derive(Serialize, JsonSchema)]
pub(crate) struct WireSet<'a> {
    #[schemars(extend("const" = "1"))]
    schema_version: &'static str,
    /// The versions' languages, in the order the documents were given.
    languages: Vec<&'static str>,
    /// The language whose pairs make the links across all versions.
    pivot: &'static str,
    documents: ByLang<WireDocument<'a>>,
    /// Links of blocks across all versions (every version's key present, an empty list
    /// where it has no block in the link); every block is in exactly one.
    paragraph_links: Vec<WireSetParagraphLink>,
    /// Links of sentences across all versions, as `paragraph_links`.
    sentence_links: Vec<WireSetSentenceLink>,
    /// Every pair of versions aligned on its own (n·(n−1)/2 pairs).
    pairs: Vec<WireSetPair<'a>>,
    summary: WireSetSummary,
}

#[derive(Serialize, JsonSchema)]
struct WireSetParagraphLink {
    #[serde(flatten)]
    blocks: ByLang<Vec<String>>,
    /// How the weakest pairwise link of it was made (`number`, `label`, `dp`, `links`),
    /// `unaligned` when one version alone has a part.
    #[schemars(extend("enum" = ["number", "label", "dp", "unaligned", "links"]))]
    method: String,
    /// The lowest score of its pairwise links, in [0, 1], 3 decimals.
    #[schemars(range(min = 0, max = 1))]
    score: f64,
}

#[derive(Serialize, JsonSchema)]
struct WireSetSentenceLink {
    #[serde(flatten)]
    sentences: ByLang<Vec<String>>,
    /// The lowest score of its pairwise links, in [0, 1], 3 decimals.
    #[schemars(range(min = 0, max = 1))]
    score: f64,
}

#[derive(Serialize, JsonSchema)]
struct WireSetPair<'a> {
    /// Languages of the pair's side a and side b.
    languages: [&'static str; 2],
    #[serde(flatten)]
    links: WireLinks<'a>,
}

#[derive(Serialize, JsonSchema)]
struct WireSetSummary {
    /// Paragraph links across the versions.
    links: usize,
    /// Paragraph links holding a block of every version.
    complete: usize,
    /// Sentence links across the versions.
    sentence_links: usize,
    /// Sentence links holding a sentence of every version.
    sentences_complete: usize,
    /// Every pair's warnings, each after its pair (`ar–en: …`).
    warnings: Vec<String>,
}

fn set_links(docs: &[&Document], links: &[MultiLink]) -> Vec<(ByLang<Vec<String>>, String, f64)> {
    links
        .iter()
        .map(|l| {
            let sides = docs
                .iter()
                .zip(&l.ids)
                .map(|(d, ids)| (d.language, ids.clone()))
                .collect();
            (ByLang::new(sides), l.method.clone(), round(l.score))
        })
        .collect()
}

fn complete(links: &[MultiLink]) -> usize {
    links
        .iter()
        .filter(|l| l.ids.iter().all(|s| !s.is_empty()))
        .count()
}

pub(crate) fn set<'a>(docs: &[&'a Document], al: &'a MultiAlignment) -> WireSet<'a> {
    let lang = |i: usize| docs.get(i).map_or(Lang::En, |d| d.language);
    let mut warnings = Vec::new();
    for p in &al.pairs {
        for w in &p.alignment.summary.warnings {
            warnings.push(format!("{}–{}: {w}", lang(p.a).code(), lang(p.b).code()));
        }
    }
    WireSet {
        schema_version: SCHEMA_VERSION,
        languages: docs.iter().map(|d| d.language.code()).collect(),
        pivot: lang(al.pivot).code(),
        documents: ByLang::new(docs.iter().map(|d| (d.language, document(d))).collect()),
        paragraph_links: set_links(docs, &al.paragraph_links)
            .into_iter()
            .map(|(blocks, method, score)| WireSetParagraphLink {
                blocks,
                method,
                score,
            })
            .collect(),
        sentence_links: set_links(docs, &al.sentence_links)
            .into_iter()
            .map(|(sentences, _, score)| WireSetSentenceLink { sentences, score })
            .collect(),
        pairs: al
            .pairs
            .iter()
            .map(|p| WireSetPair {
                languages: [lang(p.a).code(), lang(p.b).code()],
                links: links(lang(p.a), lang(p.b), &p.alignment),
            })
            .collect(),
        summary: WireSetSummary {
            links: al.paragraph_links.len(),
            complete: complete(&al.paragraph_links),
            sentence_links: al.sentence_links.len(),
            sentences_complete: complete(&al.sentence_links),
            warnings,
        },
    }
}
