//! Sentence and paragraph links of two documents from the links of a link file.
//!
//! Blocks connected through sentence links form one paragraph link (`method`
//! `"links"`). Paragraph links must keep the contract's shape — contiguous blocks on
//! each side, in reading order on both — so groups whose blocks interleave on a side,
//! or whose order differs between the sides (crossing links), are merged until none
//! does. Blocks no link reaches get a one-sided link (`"unaligned"`), and so do the
//! sentences the file leaves out: every sentence ends up in exactly one link.

use unpara_model::{Document, ParagraphLink, SentenceLink};

use super::groups::{groups, Groups, Pos};
use super::{LinkError, SentenceIds, XcesLink};

/// Score of a link file's link without `certainty` or `score` attribute.
pub const DEFAULT_SCORE: f32 = 1.0;

/// Score of the one-sided links given to what the file leaves out, as the aligner
/// scores its one-sided beads.
const ONE_SIDED_SCORE: f32 = 0.0;

/// The links of two documents built from a link file.
#[derive(Debug, Clone, PartialEq)]
pub struct Linked {
    /// Every block of both documents in exactly one link, in reading order.
    pub paragraph_links: Vec<ParagraphLink>,
    /// Every sentence of both documents in exactly one link, inside its paragraph link.
    pub sentence_links: Vec<SentenceLink>,
    /// What was left out or added, one sentence each.
    pub warnings: Vec<String>,
}

/// A link with its sentences resolved.
struct Item {
    a: Vec<Pos>,
    b: Vec<Pos>,
    score: f32,
}

/// Builds the links of documents `a` and `b` from `links` (side a of each `xtargets`
/// names sentences of `a`), with their sentence ids `ids_a` and `ids_b`.
///
/// # Errors
/// [`LinkError::UnknownId`], [`LinkError::Ambiguous`], [`LinkError::Mismatch`] from
/// the ids; [`LinkError::Repeated`] when two links hold one sentence.
pub fn link_documents(
    a: &Document,
    b: &Document,
    ids_a: &SentenceIds,
    ids_b: &SentenceIds,
    links: &[XcesLink],
) -> Result<Linked, LinkError> {
    let mut warnings = Vec::new();
    let (mut used_a, mut used_b) = (Used::new(ids_a), Used::new(ids_b));
    let mut items = Vec::with_capacity(links.len());
    let mut empty = 0usize;
    for link in links {
        let sa = resolve(&link.a, ids_a, &mut used_a, link.number, &mut empty)?;
        let sb = resolve(&link.b, ids_b, &mut used_b, link.number, &mut empty)?;
        if !sa.is_empty() || !sb.is_empty() {
            items.push(Item {
                a: sa,
                b: sb,
                score: link.score.unwrap_or(DEFAULT_SCORE),
            });
        }
    }
    if empty > 0 {
        warnings.push(format!(
            "sentence ids naming sentences without text, which the documents leave out: {empty}"
        ));
    }
    for (used, ids, side_a) in [(&used_a, ids_a, true), (&used_b, ids_b, false)] {
        let missing = used.missing();
        if !missing.is_empty() {
            warnings.push(format!(
                "sentences of {} in no link, each given a one-sided link: {}",
                ids.file(),
                missing.len()
            ));
        }
        items.extend(missing.into_iter().map(|p| Item {
            a: if side_a { vec![p] } else { vec![] },
            b: if side_a { vec![] } else { vec![p] },
            score: ONE_SIDED_SCORE,
        }));
    }
    let groups = groups(
        ids_a.blocks(),
        ids_b.blocks(),
        items.iter().map(|i| (i.a.as_slice(), i.b.as_slice())),
    );
    Ok(assemble(a, b, &groups, items, warnings))
}

/// Which sentences of one document a link holds (the link's number, 0 for none).
struct Used<'i> {
    ids: &'i SentenceIds,
    /// Index of each block's first sentence in `by`.
    offsets: Vec<usize>,
    by: Vec<usize>,
}

impl<'i> Used<'i> {
    fn new(ids: &'i SentenceIds) -> Self {
        let mut offsets = Vec::with_capacity(ids.counts().len());
        let mut total = 0usize;
        for &n in ids.counts() {
            offsets.push(total);
            total += n as usize;
        }
        Used {
            ids,
            offsets,
            by: vec![0; total],
        }
    }

    fn slot(&mut self, (k, i): Pos) -> Option<&mut usize> {
        let at = self.offsets.get(k as usize)? + i as usize;
        self.by.get_mut(at)
    }

    /// The sentences no link holds, in document order.
    fn missing(&self) -> Vec<Pos> {
        let mut out = Vec::new();
        for (k, (&n, &start)) in self.ids.counts().iter().zip(&self.offsets).enumerate() {
            for i in 0..n {
                if self.by.get(start + i as usize) == Some(&0) {
                    out.push((u32::try_from(k).unwrap_or(u32::MAX), i));
                }
            }
        }
        out
    }
}

/// The places of the sentence ids of one side of a link, marking them used.
fn resolve(
    ids: &[String],
    names: &SentenceIds,
    used: &mut Used,
    link: usize,
    empty: &mut usize,
) -> Result<Vec<Pos>, LinkError> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let Some(pos) = names.resolve(id, link)? else {
            *empty += 1;
            continue;
        };
        match used.slot(pos) {
            Some(slot) if *slot == 0 => *slot = link,
            Some(slot) => {
                return Err(LinkError::Repeated {
                    link,
                    id: id.clone(),
                    file: names.file().to_string(),
                    first: *slot,
                })
            }
            None => {
                return Err(LinkError::Mismatch {
                    file: names.file().to_string(),
                })
            }
        }
        out.push(pos);
    }
    Ok(out)
}

/// Paragraph and sentence links in reading order from the groups.
fn assemble(
    a: &Document,
    b: &Document,
    groups: &Groups,
    items: Vec<Item>,
    warnings: Vec<String>,
) -> Linked {
    let mut buckets: Vec<Vec<Item>> = (0..groups.spans.len()).map(|_| Vec::new()).collect();
    for item in items {
        let g = groups.of_item(&item.a, &item.b);
        if let Some(bucket) = buckets.get_mut(g) {
            bucket.push(item);
        }
    }
    let block_ids = |doc: &Document, r: Option<(usize, usize)>| -> Vec<String> {
        r.and_then(|(lo, hi)| doc.blocks.get(lo..=hi))
            .unwrap_or_default()
            .iter()
            .map(|blk| blk.id.clone())
            .collect()
    };
    let sentence_id = |doc: &Document, (k, i): Pos| -> String {
        let block = doc.blocks.get(k as usize).map_or("", |blk| blk.id.as_str());
        format!("{block}:{i}")
    };
    let mut paragraph_links = Vec::with_capacity(groups.spans.len());
    let mut sentence_links = Vec::new();
    for (span, bucket) in groups.spans.iter().zip(buckets) {
        let bucket = in_reading_order(bucket);
        let both: Vec<f32> = bucket
            .iter()
            .filter(|i| !i.a.is_empty() && !i.b.is_empty())
            .map(|i| i.score)
            .collect();
        let (method, score) = match (span.a, span.b) {
            (Some(_), Some(_)) if !both.is_empty() => {
                ("links", both.iter().sum::<f32>() / both.len() as f32)
            }
            (Some(_), Some(_)) => ("links", DEFAULT_SCORE),
            _ => ("unaligned", ONE_SIDED_SCORE),
        };
        paragraph_links.push(ParagraphLink {
            a: block_ids(a, span.a),
            b: block_ids(b, span.b),
            method: method.into(),
            score,
        });
        sentence_links.extend(bucket.into_iter().map(|item| SentenceLink {
            a: item.a.iter().map(|&p| sentence_id(a, p)).collect(),
            b: item.b.iter().map(|&p| sentence_id(b, p)).collect(),
            score: item.score,
        }));
    }
    Linked {
        paragraph_links,
        sentence_links,
        warnings,
    }
}

/// The links of one paragraph link in reading order: those with sentences of side a
/// by their first one, the links of side b alone placed before the first link that
/// starts later on side b.
fn in_reading_order(bucket: Vec<Item>) -> Vec<Item> {
    let first = |v: &[Pos]| v.iter().min().copied();
    let (mut with_a, mut b_only): (Vec<Item>, Vec<Item>) =
        bucket.into_iter().partition(|i| !i.a.is_empty());
    with_a.sort_by_key(|i| first(&i.a));
    b_only.sort_by_key(|i| first(&i.b));
    let mut out = Vec::with_capacity(with_a.len() + b_only.len());
    let mut rest = b_only.into_iter().peekable();
    for item in with_a {
        if let Some(start) = first(&item.b) {
            while let Some(next) = rest.next_if(|n| first(&n.b) < Some(start)) {
                out.push(next);
            }
        }
        out.push(item);
    }
    out.extend(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::empty_block;
    use unpara_model::{Block, Diagnostics, Lang, Metadata, Source, SourceFormat};

    /// A document whose block `k` has `sizes[k]` sentences.
    fn doc(path: &str, sizes: &[usize]) -> Document {
        Document {
            source: Source {
                path: path.into(),
                format: SourceFormat::Xml,
                sha256: String::new(),
                pages: 0,
                producer: None,
            },
            language: Lang::En,
            metadata: Metadata::default(),
            blocks: sizes
                .iter()
                .enumerate()
                .map(|(k, &n)| Block {
                    id: format!("b{k}"),
                    sentences: vec!["s".into(); n],
                    ..empty_block()
                })
                .collect(),
            footnotes: vec![],
            diagnostics: Diagnostics::default(),
        }
    }

    fn link(number: usize, xtargets: &str, score: Option<f32>) -> XcesLink {
        let (a, b) = xtargets.split_once(';').expect("two sides");
        let ids = |s: &str| s.split_whitespace().map(str::to_string).collect();
        XcesLink {
            number,
            a: ids(a),
            b: ids(b),
            score,
        }
    }

    fn run(a: &[usize], b: &[usize], links: &[&str]) -> Result<Linked, LinkError> {
        let (da, db) = (doc("a.xml", a), doc("b.xml", b));
        let links: Vec<XcesLink> = links
            .iter()
            .enumerate()
            .map(|(i, x)| link(i + 1, x, None))
            .collect();
        link_documents(
            &da,
            &db,
            &SentenceIds::of_document(&da),
            &SentenceIds::of_document(&db),
            &links,
        )
    }

    fn shapes(l: &Linked) -> Vec<String> {
        l.sentence_links
            .iter()
            .map(|s| format!("{};{}", s.a.join(" "), s.b.join(" ")))
            .collect()
    }

    #[test]
    fn left_out_sentences_become_one_sided_links_in_place() {
        let l = run(&[3], &[3], &["b0:0;b0:0", "b0:2;b0:2"]).expect("links");
        assert_eq!(shapes(&l), ["b0:0;b0:0", "b0:1;", ";b0:1", "b0:2;b0:2"]);
        assert_eq!(l.sentence_links[1].score, ONE_SIDED_SCORE);
        assert_eq!(l.warnings.len(), 2, "{:?}", l.warnings);
        assert_eq!(l.paragraph_links.len(), 1);
        assert_eq!(l.paragraph_links[0].method, "links");
    }

    #[test]
    fn unlinked_blocks_get_unaligned_paragraph_links() {
        let l = run(&[1, 1], &[1, 1], &["b1:0;b1:0"]).expect("links");
        let p: Vec<(Vec<String>, Vec<String>, &str)> = l
            .paragraph_links
            .iter()
            .map(|p| (p.a.clone(), p.b.clone(), p.method.as_str()))
            .collect();
        assert_eq!(
            p,
            [
                (vec!["b0".to_string()], vec![], "unaligned"),
                (vec![], vec!["b0".to_string()], "unaligned"),
                (vec!["b1".to_string()], vec!["b1".to_string()], "links"),
            ]
        );
        assert_eq!(shapes(&l), ["b0:0;", ";b0:0", "b1:0;b1:0"]);
    }

    #[test]
    fn a_two_block_link_joins_the_blocks() {
        let l = run(&[1, 1], &[2], &["b0:0 b1:0;b0:0 b0:1"]).expect("links");
        assert_eq!(l.paragraph_links.len(), 1);
        assert_eq!(l.paragraph_links[0].a, ["b0", "b1"]);
        assert_eq!(l.paragraph_links[0].score, DEFAULT_SCORE);
    }

    #[test]
    fn unknown_and_repeated_ids_are_errors() {
        let e = run(&[1], &[1], &["b0:0;b0:0", "b0:3;"]).expect_err("unknown");
        assert_eq!(e.to_string(), "link 2: sentence b0:3 is not in a.xml");
        let e = run(&[2], &[2], &["b0:0;b0:0", "b0:1;b0:0"]).expect_err("twice");
        assert_eq!(
            e.to_string(),
            "link 2: sentence b0:0 of b.xml is already in link 1"
        );
    }
}
