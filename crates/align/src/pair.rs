//! Does the pair look like two versions of one document? Two language versions of one
//! report have paragraphs whose lengths follow the language pair's ratio and share their
//! numbers, dates, symbols and names; two unrelated documents do neither, even when both
//! number their paragraphs 1, 2, 3 (which the programme then pairs). The verdict is a
//! probability that multiplies every link's score, and warnings for
//! `summary.warnings`.

use crate::length::mismatch;
use crate::score::probability;

/// What the pair's two-sided links show, gathered by the aligner.
#[derive(Debug, Default, Clone)]
pub(crate) struct PairEvidence {
    /// Lengths (l_a, l_b) of the one-to-one links, in characters.
    pub lengths: Vec<(usize, usize)>,
    /// Lexical anchors shared by the two sides of links, summed.
    pub shared: u32,
    /// Lexical anchors found on one side of a link only, summed.
    pub lone: u32,
    /// Structural anchors (keys) in the chain.
    pub anchors: usize,
    /// Blocks with a structural key on each side.
    pub keyed: (usize, usize),
    /// The documents' symbols.
    pub symbols: (Option<String>, Option<String>),
    /// Characters of each whole document.
    pub totals: (usize, usize),
    /// The language codes of the two sides.
    pub languages: (&'static str, &'static str),
    /// Runs of consecutive one-sided links, and two-sided links.
    pub runs: (usize, usize),
}

/// The verdict on a pair.
#[derive(Debug, Clone)]
pub(crate) struct Verdict {
    /// Probability that the documents are versions of one document.
    pub probability: f64,
    /// What looked wrong, for `summary.warnings`.
    pub warnings: Vec<String>,
}

/// Log-odds that a pair handed to the aligner is a right one, before its evidence.
const PRIOR_LOG_ODDS: f64 = 3.0;
/// Links shorter than this on side a (in characters, about 3 Chinese words or one English
/// one) say little about the length ratio and are left out of the median.
const MIN_CHARS: usize = 6;
/// Links needed for the median to mean anything.
const MIN_LINKS: usize = 3;
/// The median length mismatch (|ln| of the smoothed ratio against the language pair's,
/// see [`mismatch`]) at which the lengths speak neither for nor against the pair: right
/// pairs measure 0.05–0.15 (fixture 0.10, UDHR XML 0.12), unrelated documents 0.4–0.9.
const LENGTH_MIDPOINT: f64 = 0.3;
/// Log-odds per unit of median mismatch below or above the midpoint.
const LENGTH_SLOPE: f64 = 20.0;
/// Bounds of the length evidence's log-odds.
const LENGTH_BOUNDS: (f64, f64) = (-8.0, 3.0);
/// Lexical anchors needed before their agreement counts.
const MIN_LEXICAL: u32 = 8;
/// The share of lexical anchors found on both sides at which they speak neither for nor
/// against the pair (fixture 0.8, UDHR XML 0.6; unrelated documents 0.1–0.3).
const LEXICAL_MIDPOINT: f64 = 0.4;
/// Log-odds per unit of share above or below the midpoint.
const LEXICAL_SLOPE: f64 = 20.0;
/// Bounds of the lexical evidence's log-odds.
const LEXICAL_BOUNDS: (f64, f64) = (-5.0, 3.0);
/// One-sided runs per two-sided link at which the scatter speaks neither for nor against
/// the pair. Versions of one document leave a few stretches one-sided (a note, an
/// excerpt's tail, removed paragraphs: 1–5 runs among 90–120 links, under 0.05);
/// unrelated documents, aligned by the programme, alternate (0.4–0.9).
const SCATTER_MIDPOINT: f64 = 0.25;
/// Log-odds per unit of scatter below or above the midpoint.
const SCATTER_SLOPE: f64 = 20.0;
/// Bounds of the scatter evidence's log-odds.
const SCATTER_BOUNDS: (f64, f64) = (-8.0, 2.0);
/// Log-odds of documents naming different symbols.
const SYMBOLS_DIFFER: f64 = -4.0;
/// A whole document more than this factor longer or shorter than the language pair's
/// ratio expects is reported (an excerpt, a missing part, or another document).
const TOTAL_FACTOR: f64 = 1.6;

/// The verdict on a pair, `ratio` being the language pair's prior ratio of lengths.
pub(crate) fn verdict(e: &PairEvidence, ratio: f64) -> Verdict {
    let mut warnings = Vec::new();
    let mut log_odds = PRIOR_LOG_ODDS;
    let mut mismatches: Vec<f64> = e
        .lengths
        .iter()
        .filter(|(a, b)| (*a).min(*b) >= MIN_CHARS)
        .map(|&(a, b)| mismatch(a, b, ratio))
        .collect();
    if mismatches.len() >= MIN_LINKS {
        mismatches.sort_by(f64::total_cmp);
        let median = mismatches.get(mismatches.len() / 2).copied().unwrap_or(0.0);
        let llr =
            (LENGTH_SLOPE * (LENGTH_MIDPOINT - median)).clamp(LENGTH_BOUNDS.0, LENGTH_BOUNDS.1);
        log_odds += llr;
        if llr < 0.0 {
            warnings.push(format!(
                "linked paragraphs do not follow the language pair's length ratio (median mismatch {median:.2}, versions of one document measure below {LENGTH_MIDPOINT})"
            ));
        }
    }
    let seen = e.shared + e.lone;
    if seen >= MIN_LEXICAL {
        let share = f64::from(e.shared) / f64::from(seen);
        let llr =
            (LEXICAL_SLOPE * (share - LEXICAL_MIDPOINT)).clamp(LEXICAL_BOUNDS.0, LEXICAL_BOUNDS.1);
        log_odds += llr;
        if llr < 0.0 {
            warnings.push(format!(
                "linked paragraphs share few numbers, dates, symbols and names ({} of {seen})",
                e.shared
            ));
        }
    }
    let (runs, two_sided) = e.runs;
    if two_sided >= MIN_LINKS {
        let scatter = runs as f64 / two_sided as f64;
        let llr = (SCATTER_SLOPE * (SCATTER_MIDPOINT - scatter))
            .clamp(SCATTER_BOUNDS.0, SCATTER_BOUNDS.1);
        log_odds += llr;
        if llr < 0.0 {
            warnings.push(format!(
                "{runs} stretches of blocks without partner among {two_sided} linked ones: the versions do not follow each other"
            ));
        }
    }
    if e.anchors == 0 && e.keyed.0 > 0 && e.keyed.1 > 0 {
        warnings.push(
            "no paragraph number or article, section or annex heading is found on both sides"
                .into(),
        );
    }
    if let (Some(a), Some(b)) = &e.symbols {
        if a != b {
            log_odds += SYMBOLS_DIFFER;
            let (la, lb) = e.languages;
            warnings.push(format!(
                "the documents name different symbols: {la} {a}, {lb} {b}"
            ));
        }
    }
    let p = probability(log_odds);
    if p < 0.5 {
        warnings.push(format!(
            "the pair does not look like two versions of one document (pair score {p:.3}); every link's score is multiplied by it"
        ));
    }
    let (ta, tb) = e.totals;
    if ta > 0 && tb > 0 {
        let factor = tb as f64 / (ta as f64 * ratio);
        let (la, lb) = e.languages;
        let (short, long, share) = if factor < 1.0 {
            (lb, la, factor)
        } else {
            (la, lb, 1.0 / factor)
        };
        if share < 1.0 / TOTAL_FACTOR {
            warnings.push(format!(
                "the {short} version holds {:.0} % of the text the {long} version leads one to expect: an excerpt, a missing part or another document",
                share * 100.0
            ));
        }
    }
    Verdict {
        probability: p,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_and_wrong_pairs() {
        let right = PairEvidence {
            lengths: vec![(100, 330), (50, 150), (80, 270), (200, 610)],
            shared: 20,
            lone: 4,
            anchors: 4,
            ..Default::default()
        };
        let v = verdict(&right, 3.2);
        assert!(v.warnings.is_empty(), "{v:?}");
        assert!(v.probability > 0.99 && v.warnings.is_empty(), "{v:?}");
        let wrong = PairEvidence {
            lengths: vec![(100, 900), (50, 60), (80, 700), (200, 100)],
            shared: 2,
            lone: 30,
            anchors: 4,
            symbols: (Some("A/1".into()), Some("A/2".into())),
            ..Default::default()
        };
        let v = verdict(&wrong, 3.2);
        assert!(v.probability < 0.01, "{v:?}");
        assert_eq!(v.warnings.len(), 4, "{v:?}");
    }
}
