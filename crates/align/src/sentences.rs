//! Sentence alignment inside each paragraph link: a monotone dynamic programme over
//! sentence beads 0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3 and 3-1. A bead's cost is the
//! Gale & Church (1993) length cost — −ln P(δ) with δ = (l_b − c·l_a)/√(l_a·s²), the
//! ratio c and variance s² estimated from the document pair's own paragraph links —
//! plus −ln of the bead's prior probability, minus the lexical anchors both sides share
//! and plus those only one side has ([`crate::anchors`]).

use std::ops::Range;

use foldhash::HashSet;

use unpara_model::is_han;

use crate::anchors::{agreement, anchors, latin_words, merge, Anchors};
use crate::band::best_path;
use crate::length::{chars, LengthModel};
use crate::score::{log_odds, probability, Evidence, LabelAgreement};

/// Prior probabilities of the bead shapes (Gale & Church 1993, Table 5: 1-1 0.89, 1-0
/// and 0-1 together 0.0099, 2-1 and 1-2 together 0.089, 2-2 0.011; the 1-3 and 3-1
/// shapes of later aligners given small shares).
const PRIORS: [((usize, usize), f64); 8] = [
    ((1, 1), 0.89),
    ((1, 0), 0.005),
    ((0, 1), 0.005),
    ((2, 1), 0.04),
    ((1, 2), 0.04),
    ((2, 2), 0.01),
    ((3, 1), 0.005),
    ((1, 3), 0.005),
];
/// Largest length cost of a bead: beyond it the lengths say only "far off", and a
/// sentence pair far off in length (a list of names) still beats dropping both.
const MAX_LENGTH_COST: f64 = 12.0;
/// Cost removed per anchor both sides of a bead share.
const SHARED_ANCHOR: f64 = 1.5;
/// Cost added per anchor only one side of a bead has.
const LONE_ANCHOR: f64 = 1.0;
/// The review threshold: links whose score (the probability that they are right, see
/// [`crate::score`]) is below it are listed in the summary for a reviewer.
pub const LOW_SCORE: f32 = 0.5;

/// One sentence: its length in characters (whitespace not counted), its anchors, and
/// its Latin-script words with whether it is Chinese (has Han characters).
pub(crate) struct Sentence {
    len: usize,
    anchors: Anchors,
    words: HashSet<String>,
    han: bool,
}

impl Sentence {
    pub(crate) fn new(text: &str) -> Sentence {
        Sentence::with_anchors(text, anchors(text))
    }

    /// The sentence `text` whose anchors, `anchors(text)`, are already known.
    pub(crate) fn with_anchors(text: &str, anchors: Anchors) -> Sentence {
        Sentence {
            len: chars(text),
            anchors,
            words: latin_words(text),
            han: text.chars().any(is_han),
        }
    }
}

/// Names agreement: the Latin words of the Chinese side found, and not found, among the
/// words of the other side.
fn names(a: &[Sentence], b: &[Sentence]) -> (u32, u32) {
    let han = |s: &[Sentence]| s.iter().any(|x| x.han);
    let (zh, other) = match (han(a), han(b)) {
        (true, false) => (a, b),
        (false, true) => (b, a),
        _ => return (0, 0),
    };
    let mut found = 0;
    let mut missing = 0;
    for w in zh.iter().flat_map(|s| &s.words) {
        if other.iter().any(|s| s.words.contains(w)) {
            found += 1;
        } else {
            missing += 1;
        }
    }
    (found, missing)
}

/// A sentence bead: the sentence ranges of each side and the log-odds that it is right
/// (`None` for a one-sided bead).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SentenceBead {
    pub a: Range<usize>,
    pub b: Range<usize>,
    pub log_odds: Option<f64>,
}

fn bead_cost(
    a: &[Sentence],
    b: &[Sentence],
    model: &LengthModel,
    prior: f64,
) -> (f64, Option<f64>) {
    let la: usize = a.iter().map(|s| s.len).sum();
    let lb: usize = b.iter().map(|s| s.len).sum();
    let (shared, only) = match (a, b) {
        ([x], [y]) => agreement(&x.anchors, &y.anchors),
        _ => {
            let mut aa = Anchors::default();
            let mut ab = Anchors::default();
            a.iter().for_each(|s| merge(&mut aa, &s.anchors));
            b.iter().for_each(|s| merge(&mut ab, &s.anchors));
            agreement(&aa, &ab)
        }
    };
    if a.is_empty() || b.is_empty() {
        return (-prior.ln() + LONE_ANCHOR * f64::from(only.min(5)), None);
    }
    let (found, missing) = names(a, b);
    let (shared, only) = (shared + found, only + missing);
    let p = model.probability(la, lb);
    let cost =
        (-p.ln()).min(MAX_LENGTH_COST) - prior.ln() - SHARED_ANCHOR * f64::from(shared.min(5))
            + LONE_ANCHOR * f64::from(only.min(5));
    let evidence = Evidence {
        delta: model.delta(la, lb),
        shared,
        lone: only,
        key: false,
        label: LabelAgreement::None,
        kind_clash: false,
        extra: (a.len() + b.len()).saturating_sub(2),
    };
    (cost, Some(log_odds(&evidence)))
}

/// The prior probability of a bead of `shape` sentences ([`PRIORS`]).
fn shape_prior(shape: (usize, usize)) -> f64 {
    PRIORS
        .iter()
        .find(|(mv, _)| *mv == shape)
        .map_or(1e-6, |(_, p)| *p)
}

/// The cost of the sentences `ra` of `a` and `rb` of `b` as one bead.
fn cost_of(
    a: &[Sentence],
    b: &[Sentence],
    ra: Range<usize>,
    rb: Range<usize>,
    model: &LengthModel,
) -> (f64, Option<f64>) {
    let prior = shape_prior((ra.len(), rb.len()));
    bead_cost(
        a.get(ra).unwrap_or_default(),
        b.get(rb).unwrap_or_default(),
        model,
        prior,
    )
}

/// The share of a bead of three or more sentences against the readings that cut its
/// first or last sentence of a side off as one-sided (a 1-2 bead against 1-1 + 0-1
/// and 0-1 + 1-1): exp(−cost) of the bead over the sum of exp(−cost) of all of them, a
/// local posterior over those segmentations. A sentence of one side with no
/// counterpart, folded into its neighbour's bead, shows here: the cut reading costs
/// little more. Beads of two sentences have no such rival and get 1.
fn against_cuts(
    a: &[Sentence],
    b: &[Sentence],
    (ra, rb): (&Range<usize>, &Range<usize>),
    own: f64,
    model: &LengthModel,
) -> f64 {
    if ra.is_empty() || rb.is_empty() || ra.len() + rb.len() < 3 {
        return 1.0;
    }
    let mut rivals = 0.0;
    let cut = |r: &Range<usize>| {
        [
            (r.start..r.start + 1, r.start + 1..r.end),
            (r.end - 1..r.end, r.start..r.end - 1),
        ]
    };
    if ra.len() > 1 {
        for (alone, rest) in cut(ra) {
            let c = cost_of(a, b, alone, rb.start..rb.start, model).0
                + cost_of(a, b, rest, rb.clone(), model).0;
            rivals += (own - c).exp();
        }
    }
    if rb.len() > 1 {
        for (alone, rest) in cut(rb) {
            let c = cost_of(a, b, ra.start..ra.start, alone, model).0
                + cost_of(a, b, ra.clone(), rest, model).0;
            rivals += (own - c).exp();
        }
    }
    1.0 / (1.0 + rivals)
}

/// Aligns the sentences of one paragraph link; every sentence is in exactly one bead.
/// A bead's log-odds are its evidence's ([`log_odds`]), lowered by its share against
/// cutting a sentence off ([`against_cuts`]).
pub(crate) fn align(a: &[Sentence], b: &[Sentence], model: &LengthModel) -> Vec<SentenceBead> {
    let moves: Vec<(usize, usize)> = PRIORS.iter().map(|(mv, _)| *mv).collect();
    // Each step keeps its cost beside its log-odds: the share against cuts needs it.
    best_path(a.len(), b.len(), &moves, |ra, rb| {
        let (cost, log_odds) = cost_of(a, b, ra, rb, model);
        (cost, (cost, log_odds))
    })
    .into_iter()
    .map(|s| {
        let (cost, log_odds) = s.info;
        let share = against_cuts(a, b, (&s.a, &s.b), cost, model);
        let log_odds = log_odds.map(|l| {
            if share < 1.0 {
                let p = (probability(l) * share).clamp(1e-12, 1.0 - 1e-12);
                (p / (1.0 - p)).ln()
            } else {
                l
            }
        });
        SentenceBead {
            a: s.a,
            b: s.b,
            log_odds,
        }
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(texts: &[&str]) -> Vec<Sentence> {
        texts.iter().map(|t| Sentence::new(t)).collect()
    }

    #[test]
    fn one_to_one_one_to_two_and_anchors() {
        // About 2.2 English characters per Chinese one, as in UN reports.
        let model = LengthModel {
            ratio: 2.2,
            variance: 6.8,
        };
        let zh = sentences(&[
            "工作组于2017年8月21日至23日举行会议。",
            "会议由主席主持，并通过了议程。",
            "第十三条规定了社会参与。",
        ]);
        let en = sentences(&[
            "The Working Group met from 21 to 23 August 2017.",
            "The Chair presided.",
            "It adopted the agenda.",
            "Article 13 provides for participation.",
        ]);
        let beads = align(&zh, &en, &model);
        let shapes: Vec<(Range<usize>, Range<usize>)> =
            beads.iter().map(|b| (b.a.clone(), b.b.clone())).collect();
        assert_eq!(shapes, [(0..1, 0..1), (1..2, 1..3), (2..3, 3..4)]);
        let p = beads[0].log_odds.map(probability).unwrap_or(0.0);
        assert!(p > 0.9, "dates and numbers agree: {p}");
    }

    #[test]
    fn a_wrong_pair_scores_below_the_review_threshold() {
        let model = LengthModel {
            ratio: 2.2,
            variance: 6.8,
        };
        let zh = sentences(&["第十三条规定了社会参与。"]);
        let en = sentences(&["The Working Group met from 21 to 23 August 2017 in Vienna and adopted its report on 25 August."]);
        let beads = align(&zh, &en, &model);
        assert_eq!(beads.len(), 1);
        let p = beads[0].log_odds.map(probability).unwrap_or(1.0);
        assert!(p < f64::from(LOW_SCORE), "{p}");
    }

    #[test]
    fn a_sentence_without_partner_is_one_sided() {
        let model = LengthModel {
            ratio: 3.0,
            variance: 6.8,
        };
        let zh = sentences(&["会议开幕。"]);
        let en = sentences(&[
            "The meeting opened.",
            "A very long English sentence that has no counterpart whatsoever in the Chinese text of this paragraph, listing 1, 2, 3, 4 and 5.",
        ]);
        let beads = align(&zh, &en, &model);
        assert_eq!(
            beads.last().map(|b| (b.a.is_empty(), b.log_odds)),
            Some((true, None))
        );
    }
}
