//! The hand-checked sentence links of the UDHR XML pair (`tests/gold/udhr-sentence-links.json`)
//! and the measures taken against them: strict F1 of links (a link counts only when
//! both of its sides are exactly the gold's), and F1 of the block pairs they imply.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use crate::helpers::root;

/// A link as two lists of ids in document order, zh side then en side.
pub type Link = (Vec<String>, Vec<String>);

/// One gold link: its ids, and the opening characters of each side's sentences.
pub struct GoldLink {
    pub link: Link,
    pub zh_text: String,
    pub en_text: String,
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_string))
        .collect()
}

/// The gold sentence links, in document order.
pub fn gold() -> Vec<GoldLink> {
    let path = root().join("tests/gold/udhr-sentence-links.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let v: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    v["links"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| GoldLink {
            link: (ids(&l["zh"]), ids(&l["en"])),
            zh_text: l["zh_text"].as_str().unwrap_or_default().to_string(),
            en_text: l["en_text"].as_str().unwrap_or_default().to_string(),
        })
        .collect()
}

/// The sentence links of an alignment (`sentence_links`).
pub fn sentence_links(al: &Value) -> Vec<Link> {
    al["sentence_links"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|l| (ids(&l["zh"]), ids(&l["en"])))
        .collect()
}

/// F1 of `predicted` against `gold`, both as sets.
pub fn f1<T: Ord>(predicted: &BTreeSet<T>, gold: &BTreeSet<T>) -> f64 {
    let right = predicted.intersection(gold).count() as f64;
    let p = right / predicted.len().max(1) as f64;
    let r = right / gold.len().max(1) as f64;
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Strict F1 of sentence links: a link is right only when both sides equal a gold
/// link's, one-sided links included.
pub fn strict_f1(predicted: &[Link], gold: &[Link]) -> f64 {
    let p: BTreeSet<&Link> = predicted.iter().collect();
    let g: BTreeSet<&Link> = gold.iter().collect();
    f1(&p, &g)
}

/// The block of a sentence id (`b12:0` → `b12`).
fn block(id: &str) -> &str {
    id.split_once(':').map_or(id, |(b, _)| b)
}

/// The (zh block, en block) pairs of two-sided sentence links.
pub fn block_pairs(links: &[Link]) -> BTreeSet<(String, String)> {
    links
        .iter()
        .flat_map(|(z, e)| {
            z.iter().flat_map(move |a| {
                e.iter()
                    .map(move |b| (block(a).to_string(), block(b).to_string()))
            })
        })
        .collect()
}

/// Sentence ids of a document (`documents.zh` of an alignment, or an `extract`) to their
/// texts.
pub fn sentence_texts(doc: &Value) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for b in doc["blocks"].as_array().into_iter().flatten() {
        let id = b["id"].as_str().unwrap_or_default();
        for (i, s) in b["sentences"].as_array().into_iter().flatten().enumerate() {
            out.insert(
                format!("{id}:{i}"),
                s.as_str().unwrap_or_default().to_string(),
            );
        }
    }
    out
}
