//! The length model: characters of side b per character of side a, learned from the
//! document pair itself with a prior for the language pair (Gale & Church 1993: lengths
//! of translations are proportional, the deviation growing with the square root of the
//! length).

use unpara_model::Lang;

/// Non-whitespace characters of a text (Chinese and English alike).
pub(crate) fn chars(text: &str) -> usize {
    unpara_model::visible_chars(text)
}

/// Non-whitespace characters of a language's text per character of the same text in
/// English: the prior only, each pair's own ratio is learned from it. Measured on
/// parallel UN text: English has 3.35 characters per Chinese one in the fixture's gold
/// (CAC/COSP/WG.4/2017/4, 122 blocks) and 3.07 in the UDHR XML pair (whose Chinese file
/// holds a note the English one lacks), so Chinese ≈ 1 / 3.2. The others from the UDHR
/// XML's 30 articles (`shared/corpus/udhr-xml`, non-whitespace characters: en 7 177, ar
/// 5 117, fr 8 040, ru 8 341, es 8 067).
fn per_english_char(lang: Lang) -> f64 {
    match lang {
        Lang::Ar => 0.71,
        Lang::Zh => 1.0 / 3.2,
        Lang::En => 1.0,
        Lang::Fr => 1.12,
        Lang::Ru => 1.16,
        Lang::Es => 1.12,
    }
}

/// The ratio chars(b) / chars(a) the language pair leads one to expect before anything
/// is known of the documents.
pub(crate) fn prior_ratio(a: Lang, b: Lang) -> f64 {
    per_english_char(b) / per_english_char(a)
}

/// Weight of the prior ratio, in characters counted as the geometric mean of both
/// sides' lengths (√(l_a·l_b), the same whichever side is a): about two paragraphs of a
/// UN report (a typical one has 150–250 Chinese and 500–800 English characters), so a
/// few short anchors (`第一条` ↔ `Article 1`) do not decide the ratio alone.
const PRIOR_CHARS: f64 = 700.0;

/// Gale & Church's (1993) variance of the length deviation per character (s² = 6.8),
/// the prior of [`LengthModel::variance`].
const PRIOR_VARIANCE: f64 = 6.8;

/// The prior variance counts as this many observed pairs.
const PRIOR_PAIRS: f64 = 3.0;

/// The length model of a document pair: characters of side b per character of side a,
/// and the variance of the deviation per character (Gale & Church's c and s²). Both are
/// defined so that the model of the swapped pair is (1/c, s²): lengths are measured in
/// units of √c characters of side a (l_a·√c and l_b/√c are comparable).
#[derive(Debug, Clone, Copy)]
pub(crate) struct LengthModel {
    pub ratio: f64,
    pub variance: f64,
}

impl LengthModel {
    /// Estimated from pairs of lengths (l_a, l_b) believed to be translations: the log
    /// of the ratio is the weighted mean of the pairs' (weight √(Σl_a·Σl_b)) and the
    /// language pair's `prior` (weight [`PRIOR_CHARS`]); the variance is the pairs'
    /// with the prior counting as [`PRIOR_PAIRS`] pairs.
    pub(crate) fn estimate(pairs: &[(usize, usize)], prior: f64) -> LengthModel {
        let usable: Vec<(f64, f64)> = pairs
            .iter()
            .filter(|(a, b)| *a > 0 && *b > 0)
            .map(|&(a, b)| (a as f64, b as f64))
            .collect();
        let (sa, sb) = usable
            .iter()
            .fold((0.0, 0.0), |(x, y), (a, b)| (x + a, y + b));
        let prior = if prior.is_finite() && prior > 0.0 {
            prior
        } else {
            1.0
        };
        let ratio = if sa > 0.0 && sb > 0.0 {
            let w = (sa * sb).sqrt();
            ((w * (sb / sa).ln() + PRIOR_CHARS * prior.ln()) / (w + PRIOR_CHARS)).exp()
        } else {
            prior
        };
        let g = ratio.sqrt();
        let spread: f64 = usable
            .iter()
            .map(|(a, b)| (b / g - a * g).powi(2) / ((a * g + b / g) / 2.0))
            .sum();
        let variance =
            (spread + PRIOR_PAIRS * PRIOR_VARIANCE) / (usable.len() as f64 + PRIOR_PAIRS);
        LengthModel {
            ratio,
            variance: variance.max(0.5),
        }
    }

    /// Gale & Church's deviation δ of two lengths from the model, in standard
    /// deviations: (l_b/√c − l_a·√c) / √(s² · m), m the mean of l_a·√c and l_b/√c.
    /// Swapping the sides (and inverting the ratio) changes only its sign.
    pub(crate) fn delta(&self, la: usize, lb: usize) -> f64 {
        let (la, lb) = (la as f64, lb as f64);
        let g = self.ratio.sqrt();
        let mean = (la * g + lb / g) / 2.0;
        (lb / g - la * g) / (self.variance * mean.max(1.0)).sqrt()
    }

    /// Two-sided probability that lengths this far from the expected ratio occur.
    pub(crate) fn probability(&self, la: usize, lb: usize) -> f64 {
        libm::erfc(self.delta(la, lb).abs() / std::f64::consts::SQRT_2).max(1e-12)
    }
}

/// How far two lengths are from the expected ratio: |ln((l_b/√r + c)/(l_a·√r + c))|,
/// with a smoothing constant `c` of 10 characters (in the model's √r units) so short
/// headings are not over-penalized. Swapping the sides (and inverting the ratio) leaves
/// it unchanged.
pub(crate) fn mismatch(la: usize, lb: usize, ratio: f64) -> f64 {
    const SMOOTHING: f64 = 10.0;
    let g = ratio.sqrt();
    ((lb as f64 / g + SMOOTHING) / (la as f64 * g + SMOOTHING))
        .ln()
        .abs()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_is_the_same_from_either_side() {
        let pairs = [(100, 330), (50, 160), (80, 250), (20, 70)];
        let m = LengthModel::estimate(&pairs, prior_ratio(Lang::Zh, Lang::En));
        let back: Vec<(usize, usize)> = pairs.iter().map(|&(a, b)| (b, a)).collect();
        let n = LengthModel::estimate(&back, prior_ratio(Lang::En, Lang::Zh));
        assert!((m.ratio * n.ratio - 1.0).abs() < 1e-9);
        assert!((m.variance - n.variance).abs() < 1e-9, "{m:?} {n:?}");
        assert!((m.delta(40, 150) + n.delta(150, 40)).abs() < 1e-9);
        assert!((mismatch(40, 150, m.ratio) - mismatch(150, 40, n.ratio)).abs() < 1e-9);
    }

    #[test]
    fn few_pairs_lean_on_the_prior() {
        let m = LengthModel::estimate(&[(3, 9)], prior_ratio(Lang::Zh, Lang::En));
        assert!((m.ratio - 3.2).abs() < 0.1, "{}", m.ratio);
        assert!(LengthModel::estimate(&[], 3.2).ratio == 3.2);
    }
}
