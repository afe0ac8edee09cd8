//! Issue 11, a freely translated pair: many sentence links 1-2 and 2-1. Built from the
//! fixture's gold (93 paragraphs, their hand-aligned sentences): in every block with
//! two or more sentences, one side's sentences are joined two by two (1+2, 3+4, …) as a
//! translator who writes longer sentences would, the zh side in even blocks and the en
//! side in odd ones, so the pair holds both 1-2 and 2-1 links (74 of its 164). The
//! gold's links follow the join. Sentence-link strict F1 against them must stay ≥ 0.95,
//! and the right links, 1-2 and 2-1 included, must mostly pass the review threshold.

mod common;

use std::collections::BTreeSet;

use common::*;
use serde_json::Value;
use unpara_align::{align, LOW_SCORE};
use unpara_model::{Document, Lang};

/// A link as (zh sentence ids, en sentence ids).
type Link = (Vec<String>, Vec<String>);

/// Index after joining two by two.
fn joined(i: usize) -> usize {
    i / 2
}

/// Joins the sentences of one side two by two: Chinese without a space, others with one.
fn join_sentences(sentences: &[String], zh: bool) -> Vec<String> {
    sentences
        .chunks(2)
        .map(|c| c.join(if zh { "" } else { " " }))
        .collect()
}

/// Which side of a block has its sentences joined.
#[derive(Clone, Copy, PartialEq)]
enum Join {
    Neither,
    Zh,
    En,
}

/// The gold's links of one block after joining the sentences of one side, merged
/// where two links came to share a sentence.
fn joined_links(links: &[Value], join: Join) -> Vec<(Vec<usize>, Vec<usize>)> {
    let idx = |v: &Value| -> Vec<usize> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x.as_u64().map(|n| n as usize))
            .collect()
    };
    let mut out: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    for l in links {
        let (mut z, mut e) = (idx(&l[0]), idx(&l[1]));
        if join == Join::Zh {
            z = z.iter().map(|&i| joined(i)).collect();
            z.dedup();
        }
        if join == Join::En {
            e = e.iter().map(|&i| joined(i)).collect();
            e.dedup();
        }
        let overlaps = out.last().is_some_and(|(pz, pe)| {
            let shares = |prev: &Vec<usize>, now: &Vec<usize>| now.iter().any(|f| prev.contains(f));
            shares(pz, &z) || shares(pe, &e)
        });
        match out.last_mut() {
            Some((pz, pe)) if overlaps => {
                for i in z {
                    if !pz.contains(&i) {
                        pz.push(i);
                    }
                }
                for i in e {
                    if !pe.contains(&i) {
                        pe.push(i);
                    }
                }
            }
            _ => out.push((z, e)),
        }
    }
    out
}

/// The fixture's gold documents with sentences joined, and the gold links that follow.
fn joined_pair() -> (Document, Document, BTreeSet<Link>, usize) {
    let g = gold();
    let (mut zh, mut en) = (gold_document(&g, Lang::Zh), gold_document(&g, Lang::En));
    let mut truth = BTreeSet::new();
    let mut joined_blocks = 0;
    let gold_blocks = g["blocks"].as_array().cloned().unwrap_or_default();
    for (k, ((gb, zb), eb)) in gold_blocks
        .iter()
        .zip(zh.blocks.iter_mut())
        .zip(en.blocks.iter_mut())
        .enumerate()
    {
        let links = gb["sentences"]["links"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        // Even blocks join their zh sentences, odd ones their en sentences.
        let zh_side = k % 2 == 0 && zb.sentences.len() >= 2;
        let en_side = k % 2 == 1 && eb.sentences.len() >= 2;
        if zh_side {
            zb.sentences = join_sentences(&zb.sentences, true);
        } else if en_side {
            eb.sentences = join_sentences(&eb.sentences, false);
        }
        let join = match (zh_side, en_side) {
            (true, _) => Join::Zh,
            (_, true) => Join::En,
            _ => Join::Neither,
        };
        if join != Join::Neither {
            joined_blocks += 1;
        }
        let links = joined_links(&links, join);
        for (z, e) in links {
            truth.insert((
                z.iter().map(|i| format!("{}:{i}", zb.id)).collect(),
                e.iter().map(|i| format!("{}:{i}", eb.id)).collect(),
            ));
        }
    }
    (zh, en, truth, joined_blocks)
}

#[test]
fn sentences_joined_on_either_side_align_as_one_to_two_and_two_to_one() {
    let (zh, en, truth, joined_blocks) = joined_pair();
    let al = align(&zh, &en);
    let ours: BTreeSet<Link> = al
        .sentence_links
        .iter()
        .map(|l| (l.a.clone(), l.b.clone()))
        .collect();
    let shape = |s: &BTreeSet<Link>, a: usize, b: usize| {
        s.iter()
            .filter(|(z, e)| z.len() == a && e.len() == b)
            .count()
    };
    let right = ours.intersection(&truth).count() as f64;
    let (p, r) = (right / ours.len() as f64, right / truth.len() as f64);
    let f1 = 2.0 * p * r / (p + r);
    eprintln!(
        "joined sentences: {joined_blocks} blocks joined; gold {} links ({} 1-2, {} 2-1); ours {} ({} 1-2, {} 2-1); strict F1 {f1:.3}",
        truth.len(),
        shape(&truth, 1, 2),
        shape(&truth, 2, 1),
        ours.len(),
        shape(&ours, 1, 2),
        shape(&ours, 2, 1),
    );
    for l in truth.difference(&ours) {
        eprintln!("  missing {l:?}");
    }
    for l in ours.difference(&truth) {
        eprintln!("  wrong   {l:?}");
    }
    let joined_right: Vec<f32> = al
        .sentence_links
        .iter()
        .filter(|l| l.a.len() + l.b.len() == 3 && truth.contains(&(l.a.clone(), l.b.clone())))
        .map(|l| l.score)
        .collect();
    let passing = joined_right.iter().filter(|&&s| s >= LOW_SCORE).count();
    eprintln!(
        "  right 1-2 and 2-1 links at or above the review threshold: {passing} of {}",
        joined_right.len()
    );
    assert!(shape(&truth, 1, 2) >= 30 && shape(&truth, 2, 1) >= 30);
    assert!(passing as f64 >= 0.9 * joined_right.len() as f64);
    assert!(f1 >= 0.95, "strict F1 {f1:.3}");
}
