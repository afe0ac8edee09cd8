//! Issue 11: pairs where one version differs from the other, constructed from the
//! fixture's gold, its DOCX pair and the UDHR XML pair: an excerpt (the first part of one
//! side), four numbered paragraphs and a heading removed, an extra annex on one side,
//! the arguments swapped, a wrong pair. Every remaining block must link as in the
//! unmodified pair, the removed ones' partners one-sided, the wrong pair flagged.

mod common;

use std::collections::BTreeSet;

use common::*;
use unpara_align::{align, LOW_SCORE};
use unpara_model::{Block, BlockKind, Document, Lang};

/// The pairs of the unmodified alignment, after checking they are the expected ones.
fn reference(a: &Document, b: &Document) -> BTreeSet<(String, String)> {
    pairs(&align(a, b))
}

fn keep(d: &Document, keep: impl Fn(usize, &Block) -> bool) -> Document {
    let mut out = d.clone();
    out.blocks = d
        .blocks
        .iter()
        .enumerate()
        .filter(|(i, b)| keep(*i, b))
        .map(|(_, b)| b.clone())
        .collect();
    out
}

fn assert_links(name: &str, a: &Document, b: &Document, reference: &BTreeSet<(String, String)>) {
    let al = align(a, b);
    let problems = check(&al, reference, a, b);
    let (ta, tb) = (texts(a), texts(b));
    assert!(
        problems.is_empty(),
        "{name}: {} problems:\n{}\n(side a {:?}, side b {:?})",
        problems.len(),
        problems.join("\n"),
        problems.first().map(|_| ta.len()),
        tb.len()
    );
}

/// The excerpt, removal and annex cases for one pair whose reference is `reference`.
fn differing_versions(
    name: &str,
    a: &Document,
    b: &Document,
    reference: &BTreeSet<(String, String)>,
) {
    // An excerpt: the first 40 % of side b's blocks (its first pages).
    let cut = b.blocks.len() * 2 / 5;
    assert_links(
        &format!("{name} excerpt"),
        a,
        &keep(b, |i, _| i < cut),
        reference,
    );
    // The other way round: side a an excerpt.
    let cut_a = a.blocks.len() * 2 / 5;
    assert_links(
        &format!("{name} excerpt of a"),
        &keep(a, |i, _| i < cut_a),
        b,
        reference,
    );
    // Four paragraphs and a heading removed from side b: numbered paragraphs, two of
    // them adjacent, where the document numbers them; else the sole bodies of four
    // articles (two paragraphs of one article, alike in length and without a number or
    // name, are told apart by meaning only, which lengths do not give).
    let numbered: Vec<usize> = b
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, x)| x.kind == BlockKind::Paragraph && x.number.is_some())
        .map(|(i, _)| i)
        .collect();
    let heading = |i: Option<usize>| {
        i.and_then(|i| b.blocks.get(i))
            .is_none_or(|x| x.kind == BlockKind::Heading)
    };
    let sole: Vec<usize> = (0..b.blocks.len())
        .filter(|&i| {
            b.blocks
                .get(i)
                .is_some_and(|x| x.kind != BlockKind::Heading)
                && heading(i.checked_sub(1))
                && heading(Some(i + 1))
        })
        .collect();
    let headings: Vec<usize> = b
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, x)| x.kind == BlockKind::Heading)
        .map(|(i, _)| i)
        .collect();
    let pick = |v: &[usize], share: f64| v.get((v.len() as f64 * share) as usize).copied();
    let mut removed: BTreeSet<usize> = if numbered.len() >= 8 {
        [0.2, 0.5, 0.8]
            .iter()
            .filter_map(|&s| pick(&numbered, s))
            .chain(pick(&numbered, 0.2).and_then(|i| numbered.iter().find(|&&j| j > i).copied()))
            .collect()
    } else {
        [0.2, 0.4, 0.6, 0.8]
            .iter()
            .filter_map(|&s| pick(&sole, s))
            .collect()
    };
    assert_eq!(removed.len(), 4, "{name}: {removed:?}");
    removed.extend(pick(&headings, 0.7).filter(|h| !removed.contains(&(h + 1))));
    assert_eq!(removed.len(), 5, "{name}: {removed:?}");
    assert_links(
        &format!("{name} removed {removed:?}"),
        a,
        &keep(b, |i, _| !removed.contains(&i)),
        reference,
    );
    // An extra annex at the end of side a: a heading and three paragraphs that side b
    // lacks (taken from side a's own text, so lengths look like the document's).
    let mut annexed = a.clone();
    let zh = a.language == Lang::Zh;
    let mut annex = vec![Block {
        id: "annex-h".into(),
        kind: BlockKind::Heading,
        label: None,
        level: Some(1),
        number: None,
        parent: None,
        text: if zh { "附件".into() } else { "Annex".into() },
        pages: vec![9],
        footnote_refs: vec![],
        sentences: vec![],
    }];
    for (k, src) in a
        .blocks
        .iter()
        .filter(|x| x.text.chars().count() > 40)
        .take(3)
        .enumerate()
    {
        let mut p = src.clone();
        p.id = format!("annex-{k}");
        p.number = None;
        p.label = None;
        p.parent = None;
        annex.push(p);
    }
    annexed.blocks.extend(annex);
    assert_links(&format!("{name} extra annex"), &annexed, b, reference);
}

fn symmetric(name: &str, a: &Document, b: &Document) {
    let ab = align(a, b);
    let ba = align(b, a);
    assert_eq!(ab.paragraph_links.len(), ba.paragraph_links.len(), "{name}");
    for (x, y) in ab.paragraph_links.iter().zip(&ba.paragraph_links) {
        assert_eq!(
            (&x.a, &x.b, &x.method, x.score),
            (&y.b, &y.a, &y.method, y.score),
            "{name}"
        );
    }
    assert_eq!(ab.sentence_links.len(), ba.sentence_links.len(), "{name}");
    for (x, y) in ab.sentence_links.iter().zip(&ba.sentence_links) {
        assert_eq!((&x.a, &x.b, x.score), (&y.b, &y.a, y.score), "{name}");
    }
    assert_eq!(ab.summary.warnings, ba.summary.warnings);
    assert_eq!(
        (ab.summary.unaligned_a, ab.summary.unaligned_b),
        (ba.summary.unaligned_b, ba.summary.unaligned_a)
    );
}

fn flagged_as_wrong(name: &str, a: &Document, b: &Document) {
    let al = align(a, b);
    assert!(
        al.summary
            .warnings
            .iter()
            .any(|w| w.contains("does not look like two versions")),
        "{name}: {:?}",
        al.summary.warnings
    );
    let high: Vec<f32> = al
        .paragraph_links
        .iter()
        .chain(std::iter::empty())
        .filter(|l| !l.a.is_empty() && !l.b.is_empty() && l.score >= LOW_SCORE)
        .map(|l| l.score)
        .collect();
    assert!(
        high.is_empty(),
        "{name}: links above the review threshold: {high:?}"
    );
    assert!(
        al.sentence_links.iter().all(|l| l.score < LOW_SCORE),
        "{name}"
    );
}

#[test]
fn fixture_gold_pair_with_differences() {
    let g = gold();
    let (zh, en) = (gold_document(&g, Lang::Zh), gold_document(&g, Lang::En));
    // The gold pairs every block with its namesake.
    let gold_pairs: BTreeSet<(String, String)> = zh
        .blocks
        .iter()
        .map(|b| (b.id.clone(), b.id.clone()))
        .collect();
    assert_eq!(reference(&zh, &en), gold_pairs);
    differing_versions("fixture gold", &zh, &en, &gold_pairs);
    differing_versions(
        "fixture gold, en first",
        &en,
        &zh,
        &gold_pairs
            .iter()
            .map(|(a, b)| (b.clone(), a.clone()))
            .collect(),
    );
    symmetric("fixture gold", &zh, &en);
}

#[test]
fn fixture_docx_pair_with_differences() {
    let (zh, en) = (docx("zh.docx", Lang::Zh), docx("en.docx", Lang::En));
    let r = reference(&zh, &en);
    // The DOCX pair links block i with block i, every block.
    assert_eq!(r.len(), zh.blocks.len());
    assert_eq!(zh.blocks.len(), en.blocks.len());
    assert!(zh
        .blocks
        .iter()
        .zip(&en.blocks)
        .all(|(x, y)| r.contains(&(x.id.clone(), y.id.clone()))));
    differing_versions("fixture docx", &zh, &en, &r);
    symmetric("fixture docx", &zh, &en);
}

#[test]
fn udhr_xml_pair_with_differences() {
    let (Some(zh), Some(en)) = (udhr("zh"), udhr("en")) else {
        skipped("../shared/corpus/udhr-xml is not here");
        return;
    };
    let r = reference(&zh, &en);
    // 89 one-to-one links and the preamble's 1-3 (the zh note is one-sided).
    assert_eq!(r.len(), 89 + 3, "{r:?}");
    differing_versions("udhr xml", &zh, &en, &r);
    symmetric("udhr xml", &zh, &en);
}

#[test]
fn wrong_pairs_are_flagged() {
    let g = gold();
    let (zh, en) = (gold_document(&g, Lang::Zh), gold_document(&g, Lang::En));
    let (zd, ed) = (docx("zh.docx", Lang::Zh), docx("en.docx", Lang::En));
    if let (Some(uzh), Some(uen)) = (udhr("zh"), udhr("en")) {
        flagged_as_wrong("fixture zh, UDHR en", &zh, &uen);
        flagged_as_wrong("UDHR zh, fixture en", &uzh, &en);
        flagged_as_wrong("UDHR zh, fixture docx en", &uzh, &ed);
    } else {
        skipped("the UDHR wrong pairs: ../shared/corpus/udhr-xml is not here");
    }
    // Both number their paragraphs 1, 2, 3 …: the numbers pair them, nothing else does.
    let mut shifted = en.clone();
    let texts: Vec<(String, Vec<String>)> = en
        .blocks
        .iter()
        .map(|b| (b.text.clone(), b.sentences.clone()))
        .collect();
    for (k, b) in shifted.blocks.iter_mut().enumerate() {
        if let Some((t, s)) = texts.get((k + 17) % texts.len()) {
            b.text = t.clone();
            b.sentences = s.clone();
        }
    }
    flagged_as_wrong("fixture zh, en texts shifted by 17 blocks", &zh, &shifted);
    flagged_as_wrong("fixture docx zh, en texts shifted", &zd, &shifted);
    // Different symbols alone are worth a warning.
    let mut other = en.clone();
    other.metadata.symbol = Some("A/RES/73/3".into());
    let al = align(&zh, &other);
    assert!(
        al.summary
            .warnings
            .iter()
            .any(|w| w.contains("different symbols")),
        "{:?}",
        al.summary.warnings
    );
}
