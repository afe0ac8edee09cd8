//! The monotone dynamic programme over beads (Gale & Church 1993, with label evidence).

use std::ops::Range;

use unpara_model::{Block, BlockKind};
use unpara_structure::LabelKind;

use crate::anchors::{agreement, anchors, merge, Anchors};
use crate::band::best_path;
use crate::labels::{meaning, ordinal};
use crate::length::{chars, mismatch, LengthModel};
use crate::score::{log_odds, Evidence, LabelAgreement};

/// Cost of leaving one item without a partner (a 1-0 or 0-1 bead).
const SKIP_COST: f64 = 2.5;
/// Extra cost per block beyond one on each side (a 2-1 bead pays it once, 3-1 twice).
const MERGE_COST: f64 = 1.0;
/// Cost added when both sides carry labels that mean different things.
const LABEL_CLASH: f64 = 3.0;
/// Cost removed when both sides carry labels that mean the same.
const LABEL_BONUS: f64 = 1.5;
/// Cost added when only one side carries a label.
const LABEL_ONE_SIDED: f64 = 1.0;
/// Cost added when the block kinds differ.
const KIND_CLASH: f64 = 1.0;
/// Cost added when the blocks merged on one side are of different kinds (a heading
/// merged with a paragraph is never one translation unit).
const MIXED_KINDS: f64 = 3.0;
/// Cost removed per lexical anchor both sides share (numbers, symbols, names; see
/// [`crate::anchors`]), at most [`MAX_ANCHORS`] of them.
const SHARED_ANCHOR: f64 = 0.5;
/// Cost added per anchor only one side has.
const LONE_ANCHOR: f64 = 0.5;
/// Anchors counted at most, each way.
const MAX_ANCHORS: u32 = 4;

/// One unit to align: a block.
pub(crate) struct Item {
    pub(crate) len: usize,
    label: Option<LabelKind>,
    labelled: bool,
    kind: Option<BlockKind>,
    key: Option<String>,
    pub(crate) anchors: Anchors,
}

impl Item {
    /// The item of a block whose structural key (see [`crate::keys`]) is `key`.
    pub(crate) fn from_block(b: &Block, key: Option<String>) -> Item {
        Item {
            len: chars(&b.text),
            label: b.label.as_deref().and_then(meaning),
            labelled: b.label.is_some(),
            kind: Some(b.kind),
            key,
            anchors: anchors(&b.text),
        }
    }
}

/// A bead: ranges of items on each side, the evidence of a two-sided one, and whether
/// labels matched.
#[derive(Debug, Clone)]
pub(crate) struct Bead {
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub evidence: Option<Evidence>,
    pub label_match: bool,
}

/// How the labels of the first items of two sides agree.
fn label_agreement(x: &Item, y: &Item) -> LabelAgreement {
    match (x.labelled, y.labelled) {
        (true, true) if x.label.is_some() && x.label == y.label => LabelAgreement::Same,
        // Same place in their sequences, numbered in different styles.
        (true, true)
            if x.label.clone().and_then(ordinal).is_some()
                && x.label.clone().and_then(ordinal) == y.label.clone().and_then(ordinal) =>
        {
            LabelAgreement::SamePlace
        }
        (true, true) => LabelAgreement::Clash,
        (true, false) | (false, true) => LabelAgreement::OneSided,
        (false, false) => LabelAgreement::None,
    }
}

/// The evidence of two non-empty sides, under the length model.
pub(crate) fn evidence(a: &[Item], b: &[Item], model: &LengthModel) -> Evidence {
    let la: usize = a.iter().map(|i| i.len).sum();
    let lb: usize = b.iter().map(|i| i.len).sum();
    let (shared, lone) = lexical(a, b);
    let (label, kind_clash, key) = match (a.first(), b.first()) {
        (Some(x), Some(y)) => (
            label_agreement(x, y),
            x.kind != y.kind,
            x.key.is_some() && x.key == y.key,
        ),
        _ => (LabelAgreement::None, false, false),
    };
    Evidence {
        delta: model.delta(la, lb),
        shared,
        lone,
        key,
        label,
        kind_clash,
        extra: (a.len() + b.len()).saturating_sub(2),
    }
}

/// Lexical anchors shared by the two sides, and found on one side only.
fn lexical(a: &[Item], b: &[Item]) -> (u32, u32) {
    match (a, b) {
        ([x], [y]) => agreement(&x.anchors, &y.anchors),
        _ => {
            let (mut aa, mut ab) = (Anchors::default(), Anchors::default());
            a.iter().for_each(|i| merge(&mut aa, &i.anchors));
            b.iter().for_each(|i| merge(&mut ab, &i.anchors));
            agreement(&aa, &ab)
        }
    }
}

/// Gale & Church's δ within which the length costs only its log-ratio mismatch: 95 % of
/// right links lie within two standard deviations.
const FREE_DELTA: f64 = 2.0;
/// Cost per unit of δ² beyond [`FREE_DELTA`]²: three blocks merged against one short one
/// are far off in δ even where their log-ratio (ln 3) is small.
const FAR_DELTA_COST: f64 = 0.25;

/// Cost per labelled block inside a merge after its first: a paragraph split in two by
/// one version continues without a label, while `3.` and `4.` are two paragraphs.
const LABEL_INSIDE: f64 = 2.0;

fn pair_cost(a: &[Item], b: &[Item], model: &LengthModel) -> (f64, bool) {
    let la: usize = a.iter().map(|i| i.len).sum();
    let lb: usize = b.iter().map(|i| i.len).sum();
    let delta = model.delta(la, lb);
    let mut cost = mismatch(la, lb, model.ratio)
        + FAR_DELTA_COST * (delta * delta - FREE_DELTA * FREE_DELTA).max(0.0);
    let mut matched = false;
    if let (Some(x), Some(y)) = (a.first(), b.first()) {
        match label_agreement(x, y) {
            LabelAgreement::Same => {
                cost -= LABEL_BONUS;
                matched = true;
            }
            LabelAgreement::SamePlace | LabelAgreement::None => {}
            LabelAgreement::Clash => cost += LABEL_CLASH,
            LabelAgreement::OneSided => cost += LABEL_ONE_SIDED,
        }
        if x.kind != y.kind {
            cost += KIND_CLASH;
        }
    }
    if a.len() + b.len() > 2 {
        cost += MERGE_COST * (a.len() + b.len() - 2) as f64;
    }
    let mixed = |side: &[Item]| {
        side.windows(2)
            .any(|w| matches!(w, [x, y] if x.kind != y.kind))
    };
    if mixed(a) || mixed(b) {
        cost += MIXED_KINDS;
    }
    let inside = |side: &[Item]| side.iter().skip(1).filter(|i| i.labelled).count();
    cost += LABEL_INSIDE * (inside(a) + inside(b)) as f64;
    let (shared, only) = lexical(a, b);
    cost += LONE_ANCHOR * f64::from(only.min(MAX_ANCHORS))
        - SHARED_ANCHOR * f64::from(shared.min(MAX_ANCHORS));
    (cost, matched)
}

/// Aligns two sequences monotonically; every item is in exactly one bead.
pub(crate) fn align_sequences(a: &[Item], b: &[Item], model: &LengthModel) -> Vec<Bead> {
    const MOVES: [(usize, usize); 7] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (3, 1), (1, 3)];
    best_path(a.len(), b.len(), &MOVES, |ra, rb| {
        if ra.is_empty() || rb.is_empty() {
            return (SKIP_COST, false);
        }
        pair_cost(
            a.get(ra).unwrap_or_default(),
            b.get(rb).unwrap_or_default(),
            model,
        )
    })
    .into_iter()
    .map(|s| {
        let one_sided = s.a.is_empty() || s.b.is_empty();
        let evidence = (!one_sided).then(|| {
            evidence(
                a.get(s.a.clone()).unwrap_or_default(),
                b.get(s.b.clone()).unwrap_or_default(),
                model,
            )
        });
        Bead {
            a: s.a,
            b: s.b,
            evidence,
            label_match: s.info,
        }
    })
    .collect()
}

/// The log-odds of a bead being right (`None` for a one-sided bead).
pub(crate) fn bead_log_odds(bead: &Bead) -> Option<f64> {
    bead.evidence.as_ref().map(log_odds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(len: usize) -> Item {
        Item {
            len,
            label: None,
            labelled: false,
            kind: None,
            key: None,
            anchors: Anchors::default(),
        }
    }

    fn model(ratio: f64) -> LengthModel {
        LengthModel {
            ratio,
            variance: 6.8,
        }
    }

    #[test]
    fn one_to_one_and_one_to_two() {
        // zh 20, 40 chars; en 60, 50 + 70 chars; ratio 3.
        let a = [item(20), item(40)];
        let b = [item(60), item(50), item(70)];
        let beads = align_sequences(&a, &b, &model(3.0));
        let shapes: Vec<(usize, usize)> = beads.iter().map(|x| (x.a.len(), x.b.len())).collect();
        assert_eq!(shapes, [(1, 1), (1, 2)]);
    }

    #[test]
    fn an_extra_item_becomes_one_sided() {
        let a = [item(20), item(30)];
        let b = [item(60), item(1000), item(90)];
        let beads = align_sequences(&a, &b, &model(3.0));
        assert!(beads
            .iter()
            .any(|x| x.a.is_empty() && x.b.len() == 1 && x.evidence.is_none()));
        assert_eq!(beads.iter().map(|x| x.a.len()).sum::<usize>(), 2);
        assert_eq!(beads.iter().map(|x| x.b.len()).sum::<usize>(), 3);
    }
}
