//! Scores that mean a probability: the chance that a link is right, from the evidence
//! its two sides give, as a sum of log-likelihood ratios (naive Bayes) turned into a
//! probability by the logistic function. Every term is the same whichever document is
//! side a, so a score never depends on argument order.
//!
//! The weights are log-likelihood ratios in nats, set from the distributions measured on
//! right links (the fixture's gold pairs, the UDHR XML pair) and wrong ones (the same
//! documents shifted by one and two blocks or sentences, and paired with an unrelated
//! document); `tests/calibration.rs` measures how well [`crate::REVIEW_THRESHOLD`]
//! separates them.

/// How a link's labels agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LabelAgreement {
    /// Neither side carries a label.
    None,
    /// Both carry labels that mean the same (`一.` ↔ `I.`).
    Same,
    /// Both carry labels at the same place in their sequences, numbered in different
    /// styles (`㈠` ↔ `1.`).
    SamePlace,
    /// Both carry labels that mean different things.
    Clash,
    /// Only one side carries a label.
    OneSided,
}

/// The evidence of one two-sided link.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Evidence {
    /// Gale & Church's length deviation δ, in standard deviations.
    pub delta: f64,
    /// Lexical anchors (numbers, symbols, names) both sides share.
    pub shared: u32,
    /// Lexical anchors only one side has.
    pub lone: u32,
    /// Both sides carry the same structural key (paragraph number, `Article 3`).
    pub key: bool,
    /// How the labels agree.
    pub label: LabelAgreement,
    /// The block kinds differ (a heading against a paragraph).
    pub kind_clash: bool,
    /// Units beyond one on each side (a 2-1 link has 1, a 1-3 link 2).
    pub extra: usize,
}

/// Log-odds of a link being right before any evidence: links come out of a programme
/// that already chose the best path, so most are right.
const PRIOR_LOG_ODDS: f64 = 1.0;
/// Spread of δ between sides that are not translations of each other, in standard
/// deviations of δ between sides that are (δ of shifted fixture paragraphs: 3–6).
const WRONG_SPREAD: f64 = 4.0;
/// Lowest log-likelihood ratio the lengths alone may give: a list of names or a table
/// row may be far off in length and still be right.
const MIN_LENGTH_LLR: f64 = -6.0;
/// Log-likelihood ratio of each shared lexical anchor.
const SHARED_LLR: f64 = 1.0;
/// Log-likelihood ratio of each lexical anchor only one side has.
const LONE_LLR: f64 = -0.8;
/// Lexical anchors counted at most, each way.
const MAX_COUNTED: u32 = 5;
/// Log-likelihood ratio of a shared structural key.
const KEY_LLR: f64 = 1.5;
/// Log-likelihood ratios of the label agreements.
const LABEL_SAME_LLR: f64 = 1.0;
const LABEL_PLACE_LLR: f64 = 0.5;
const LABEL_CLASH_LLR: f64 = -3.0;
const LABEL_ONE_SIDED_LLR: f64 = -0.7;
/// Log-likelihood ratio of block kinds that differ.
const KIND_CLASH_LLR: f64 = -1.5;
/// Log-likelihood ratio per unit beyond one on each side (merged links are rarer).
const EXTRA_LLR: f64 = -0.3;

/// The log-likelihood ratio the lengths give: ln N(δ; 0, 1) − ln N(δ; 0, σ_w) with
/// σ_w = [`WRONG_SPREAD`], bounded below by [`MIN_LENGTH_LLR`].
pub(crate) fn length_llr(delta: f64) -> f64 {
    let w2 = WRONG_SPREAD * WRONG_SPREAD;
    (WRONG_SPREAD.ln() - delta * delta / 2.0 * (1.0 - 1.0 / w2)).max(MIN_LENGTH_LLR)
}

/// The log-likelihood ratio the lexical anchors give.
pub(crate) fn lexical_llr(shared: u32, lone: u32) -> f64 {
    SHARED_LLR * f64::from(shared.min(MAX_COUNTED)) + LONE_LLR * f64::from(lone.min(MAX_COUNTED))
}

/// The log-odds that a link is right, from its evidence.
pub(crate) fn log_odds(e: &Evidence) -> f64 {
    let label = match e.label {
        LabelAgreement::None => 0.0,
        LabelAgreement::Same => LABEL_SAME_LLR,
        LabelAgreement::SamePlace => LABEL_PLACE_LLR,
        LabelAgreement::Clash => LABEL_CLASH_LLR,
        LabelAgreement::OneSided => LABEL_ONE_SIDED_LLR,
    };
    PRIOR_LOG_ODDS
        + length_llr(e.delta)
        + lexical_llr(e.shared, e.lone)
        + if e.key { KEY_LLR } else { 0.0 }
        + label
        + if e.kind_clash { KIND_CLASH_LLR } else { 0.0 }
        + EXTRA_LLR * e.extra as f64
}

/// The logistic function: log-odds → probability in [0, 1].
pub(crate) fn probability(log_odds: f64) -> f64 {
    1.0 / (1.0 + (-log_odds).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence(delta: f64) -> Evidence {
        Evidence {
            delta,
            shared: 0,
            lone: 0,
            key: false,
            label: LabelAgreement::None,
            kind_clash: false,
            extra: 0,
        }
    }

    #[test]
    fn lengths_alone_decide_near_and_far() {
        assert!(probability(log_odds(&evidence(0.3))) > 0.9);
        assert!(probability(log_odds(&evidence(4.0))) < 0.1);
        assert_eq!(
            length_llr(0.5),
            length_llr(-0.5),
            "the sign of δ says nothing"
        );
    }

    #[test]
    fn anchors_move_the_odds() {
        let mut e = evidence(2.0);
        let base = log_odds(&e);
        e.shared = 3;
        assert!(log_odds(&e) > base + 2.0);
        e.lone = 10;
        e.shared = 0;
        assert!(probability(log_odds(&e)) < 0.05);
    }
}
