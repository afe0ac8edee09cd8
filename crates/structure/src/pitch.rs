//! The body's line pitch, measured: the leading inside paragraphs, the tallest common
//! pitch (lines made taller by another script's font or a superscript), and the gap
//! beyond which two lines belong to different blocks. The leading is the *lowest*
//! common distance, not the median: in a text of one- and two-line paragraphs (the
//! UDHR) most distances are paragraph gaps.

use foldhash::{HashMap, HashMapExt};

use unpara_model::{Layout, Line};

use crate::measure::{page_kept, quantile, Frame};

/// Baseline distances are compared in bins of this share of an em (of the body size)
/// when the leading is looked for: finer than any two leadings a producer sets apart
/// (the layout matrix's line spacings, 1.0–1.5, differ by 0.05 em or more).
const LEADING_BIN_EM: f32 = 0.02;

/// The leading is the lowest bin holding at least this share of the fullest bin: the
/// within-paragraph distance, even where paragraph gaps are the more common ones (short
/// numbered paragraphs of one or two lines; holds on all 28 layouts of the matrix).
const LEADING_MIN_SHARE: f32 = 0.25;

/// Distances more than this share above the leading are not line pitch: a paragraph
/// gap, space around a heading, or a taller line (a superscript, a 12 pt Latin run in
/// 10.5 pt Chinese: up to 14 % in the layout matrix).
pub(crate) const LEADING_SPREAD: f32 = 0.16;

/// Without paragraph spacing in the document, a gap this many ems (of the body size)
/// above the leading still separates blocks (space around headings; the matrix's
/// layouts without paragraph spacing, `lo-letter-mixed`, `ty-legal-centred`,
/// `wp-legal-indent`, `ch-letter-smallcaps`).
const FALLBACK_GAP_EM: f32 = 0.5;

/// The leading (ems) and the block gap (ems) of the body: baseline distances of
/// consecutive body-size lines of a page that overlap horizontally.
///
/// Two kinds of distance say the most: from a full line that stops mid-sentence to the
/// next (surely one paragraph: the leading, and how much taller lines make it — fonts
/// of other scripts, superscripts), and from a line ending a sentence to one opening
/// with a paragraph number (a paragraph gap). The block gap lies between the tallest
/// common line pitch and the paragraph gap; without such evidence, the distances are
/// clustered as they come ([`leading_of`]).
pub(crate) fn leading(
    layout: &Layout,
    keep: &[Vec<bool>],
    body_size: f32,
    frames: &[Frame],
) -> (f32, f32, f32) {
    let mut all: Vec<f32> = Vec::new();
    let mut within: Vec<f32> = Vec::new();
    let mut before_number: Vec<f32> = Vec::new();
    for pi in 0..layout.pages.len() {
        let right = frames.get(pi).map_or(f32::INFINITY, |f| f.right);
        let lines: Vec<&Line> = page_kept(layout, keep, pi).collect();
        for w in lines.windows(2) {
            let [a, b] = w else { continue };
            // A line that runs to the right edge mid-sentence goes on in the next.
            let full = a.x1 >= right - FULL_LINE_EM * body_size;
            let overlap = a.x1.min(b.x1) - a.x0.max(b.x0);
            let gap = a.baseline - b.baseline;
            if overlap <= 0.0 || gap <= 0.0 {
                continue;
            }
            let r = gap / body_size;
            all.push(r);
            let ta = a.text_cow();
            let mid_sentence = !ends_sentence(&ta) && !ta.trim_end().ends_with([',', '，']);
            if mid_sentence {
                if full {
                    within.push(r);
                }
            } else if matches!(
                crate::labels::recognize(b.text_cow().trim_start(), None).map(|l| l.kind),
                Some(crate::labels::LabelKind::Number(_))
            ) {
                before_number.push(r);
            }
        }
    }
    let (clustered_leading, clustered_gap) = leading_of(&all);
    if within.len() < MIN_EVIDENCE {
        let tallest = clustered_leading * (1.0 + LEADING_SPREAD);
        return (clustered_leading, clustered_gap, tallest.min(clustered_gap));
    }
    let (leading, _) = leading_of(&within);
    let tallest = quantile(within, TALL_LINE_QUANTILE).unwrap_or(leading);
    let gap = match quantile(before_number.clone(), 0.5) {
        Some(p)
            if before_number.len() >= MIN_EVIDENCE
                && p > tallest * (1.0 + LEADING_SPREAD / 2.0) =>
        {
            (tallest + p) / 2.0
        }
        _ => tallest + FALLBACK_GAP_EM,
    };
    (
        leading,
        gap.max(leading * (1.0 + LEADING_SPREAD / 2.0)),
        tallest,
    )
}

/// A line ending within this many ems (of its size) of the measured right edge is full:
/// a ragged-right line falls short of the edge by less than the next word (two ems).
const FULL_LINE_EM: f32 = 2.0;

/// Fewest distances of a kind for them to be evidence.
pub(crate) const MIN_EVIDENCE: usize = 3;

/// The tallest common line pitch is this quantile of the document's mid-sentence
/// distances (a few lines stretched by a formula or an inline image stay out of it).
const TALL_LINE_QUANTILE: f32 = 0.95;

/// Whether a line's text ends a sentence or clause (`.`, `;`, `:` and their Chinese
/// forms, or a closing quote or bracket after one).
fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['”', '’', '"', '\'', ')', '）', '」', '》'])
        .chars()
        .last()
        .is_some_and(|c| ".;:!?。；：！？".contains(c))
}

/// The leading and block gap, in ems, from baseline distances in ems.
pub(crate) fn leading_of(ratios: &[f32]) -> (f32, f32) {
    let mut by_bin: HashMap<i64, usize> = HashMap::new();
    for r in ratios.iter().filter(|r| **r > 0.5 && **r < 4.0) {
        *by_bin
            .entry((r / LEADING_BIN_EM).round() as i64)
            .or_default() += 1;
    }
    let mut bins: Vec<(i64, usize)> = by_bin.into_iter().collect();
    bins.sort();
    let max = bins.iter().map(|(_, n)| *n).max().unwrap_or(0);
    // Neighbouring bins count together: a distance of 1.15 em may fall either side.
    let dense = |i: usize| -> usize {
        let Some((k, n)) = bins.get(i) else { return 0 };
        let near: usize = bins
            .iter()
            .filter(|(k2, _)| (k2 - k).abs() == 1)
            .map(|(_, n)| *n)
            .sum();
        n + near
    };
    let Some(first) =
        (0..bins.len()).find(|i| dense(*i) as f32 >= LEADING_MIN_SHARE * max as f32 && max > 0)
    else {
        return (1.2, 1.2 * (1.0 + LEADING_SPREAD) + FALLBACK_GAP_EM);
    };
    let centre = bins
        .get(first)
        .map_or(1.2, |(k, _)| *k as f32 * LEADING_BIN_EM);
    // The leading: the median of the distances in the lowest dense cluster.
    let cluster: Vec<f32> = ratios
        .iter()
        .copied()
        .filter(|r| (r - centre).abs() <= 2.0 * LEADING_BIN_EM)
        .collect();
    let leading = quantile(cluster, 0.5).unwrap_or(centre);
    // Paragraph gaps: the next dense cluster above the leading's spread.
    let above: Vec<f32> = ratios
        .iter()
        .copied()
        .filter(|r| *r > leading * (1.0 + LEADING_SPREAD) && *r < 4.0)
        .collect();
    let min_members = (LEADING_MIN_SHARE * max as f32).max(2.0) as usize;
    let gap = if above.len() >= min_members {
        let (next, _) = leading_cluster_centre(&above);
        (leading + next) / 2.0
    } else {
        leading + FALLBACK_GAP_EM
    };
    (leading, gap.max(leading * (1.0 + LEADING_SPREAD / 2.0)))
}

/// The centre of the lowest dense cluster of `values` and its size.
fn leading_cluster_centre(values: &[f32]) -> (f32, usize) {
    let mut sorted = values.to_vec();
    sorted.sort_by(f32::total_cmp);
    // How many values lie within two bins of each, by two pointers over the sorted
    // values (linear in their number).
    let reach = 2.0 * LEADING_BIN_EM;
    let mut near = Vec::with_capacity(sorted.len());
    let (mut lo, mut hi) = (0usize, 0usize);
    for v in &sorted {
        while sorted.get(lo).is_some_and(|x| *x < v - reach) {
            lo += 1;
        }
        while sorted.get(hi).is_some_and(|x| *x <= v + reach) {
            hi += 1;
        }
        near.push(hi.saturating_sub(lo));
    }
    let best = near.iter().copied().max().unwrap_or(0);
    let first = sorted
        .iter()
        .zip(&near)
        .find(|(_, n)| **n as f32 >= LEADING_MIN_SHARE * best as f32)
        .map_or(0.0, |(v, _)| *v);
    let members: Vec<f32> = sorted
        .iter()
        .copied()
        .filter(|x| (*x - first).abs() <= 4.0 * LEADING_BIN_EM)
        .collect();
    let n = members.len();
    (quantile(members, 0.5).unwrap_or(first), n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leading_is_the_lowest_common_distance_not_the_median() {
        // UDHR-like: 30 paragraph gaps of 1.8 em, 12 line pitches of 1.2 em.
        let mut r = vec![1.8; 30];
        r.extend(vec![1.2; 12]);
        let (leading, gap) = leading_of(&r);
        assert!((leading - 1.2).abs() < 0.01, "{leading}");
        assert!((gap - 1.5).abs() < 0.05, "{gap}");
    }

    #[test]
    fn even_leading_has_no_gap_cluster() {
        let r = vec![1.15; 40];
        let (leading, gap) = leading_of(&r);
        assert!((leading - 1.15).abs() < 0.01);
        assert!((gap - (1.15 + FALLBACK_GAP_EM)).abs() < 0.01, "{gap}");
    }

    #[test]
    fn a_few_taller_lines_are_not_paragraph_gaps() {
        let mut r = vec![1.2; 40];
        r.extend([1.3, 1.32]);
        let (_, gap) = leading_of(&r);
        assert!(gap > 1.6, "{gap}");
    }
}
