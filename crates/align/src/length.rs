//! The length model: characters of side b per character of side a.

use unpara_model::Block;

/// Non-whitespace characters of a text (Chinese and English alike).
pub(crate) fn chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// The ratio chars(b) / chars(a): over the anchored pairs when they hold at least a
/// fifth of the text (numbered paragraphs), else over the whole documents (anchors that
/// are only short headings, "第一条" ↔ "Article 1", say little about body text); 1.0
/// when a side is empty.
pub(crate) fn ratio(anchors: &[(usize, usize)], a: &[Block], b: &[Block]) -> f64 {
    let (mut sa, mut sb) = (0usize, 0usize);
    for &(i, j) in anchors {
        if let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
            sa += chars(&x.text);
            sb += chars(&y.text);
        }
    }
    let total = |blocks: &[Block]| blocks.iter().map(|x| chars(&x.text)).sum::<usize>();
    let (ta, tb) = (total(a), total(b));
    if sa * 5 < ta || sb * 5 < tb {
        (sa, sb) = (ta, tb);
    }
    if sa == 0 || sb == 0 {
        1.0
    } else {
        sb as f64 / sa as f64
    }
}

/// How far two lengths are from the expected ratio: |ln((lb+c)/((la+c)·ratio))|, with a
/// smoothing constant `c` of 10 characters so short headings are not over-penalized.
pub(crate) fn mismatch(la: usize, lb: usize, ratio: f64) -> f64 {
    const SMOOTHING: f64 = 10.0;
    ((lb as f64 + SMOOTHING) / ((la as f64 + SMOOTHING) * ratio))
        .ln()
        .abs()
}

/// A confidence in [0, 1] from the length mismatch alone.
pub(crate) fn score(la: usize, lb: usize, ratio: f64) -> f32 {
    (-mismatch(la, lb, ratio)).exp() as f32
}
