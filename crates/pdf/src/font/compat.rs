//! Compatibility characters folded into what they stand for, where a code's Unicode
//! text is decided (after ToUnicode and the other sources, PDF 32000-1 §9.10.2).
//!
//! Some producers map glyphs to compatibility characters that look like the text but
//! are not it: Chromium with Noto CJK writes Kangxi radicals into ToUnicode CMaps
//! (`⾮` U+2FAE for 非, `⼀` U+2F00 for 一: a Chinese character error rate of 8.4 %, and
//! the `⼀.` heading not recognised as a label; issue 10), DejaVu the Latin ligatures
//! (`ﬁ` U+FB01). The table ([`compat_table`](super::compat_table), generated from the
//! Unicode Character Database) holds exactly those blocks and the CJK compatibility
//! ideographs: not NFKC wholesale, so full-width punctuation and digits (`，。：（）`,
//! `１２`) stay as printed.

use super::compat_table::FOLD;

/// No character below this one is folded (the start of the first block).
const FIRST: char = '\u{2E80}';

/// What a compatibility character stands for.
fn folded(c: char) -> Option<&'static str> {
    if c < FIRST {
        return None;
    }
    let i = FOLD.binary_search_by(|(k, _)| k.cmp(&c)).ok()?;
    FOLD.get(i).map(|(_, s)| *s)
}

/// `text` with its compatibility characters folded; `None` when it has none.
pub(crate) fn fold(text: &str) -> Option<String> {
    if !text.chars().any(|c| folded(c).is_some()) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match folded(c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_without_duplicates_and_folds_to_something_else() {
        assert!(
            FOLD.windows(2).all(|w| w[0].0 < w[1].0),
            "sorted, no duplicates"
        );
        assert!(FOLD.iter().all(|(c, _)| *c >= FIRST));
        assert!(FOLD.iter().all(|(c, s)| !s.is_empty() && !s.contains(*c)));
        // Kangxi radicals (214), CJK Radicals Supplement (114: the 2 with a
        // decomposition, 112 more by EquivalentUnifiedIdeograph.txt), compatibility
        // ideographs (460), Latin ligatures (7).
        assert_eq!(FOLD.len(), 795);
    }

    #[test]
    fn radicals_ideographs_and_ligatures_fold() {
        assert_eq!(fold("⾮洲").as_deref(), Some("非洲"));
        assert_eq!(fold("\u{2F9A}").as_deref(), Some("赤"));
        assert_eq!(fold("⼀.").as_deref(), Some("一."));
        assert_eq!(fold("\u{2E9F}").as_deref(), Some("母"));
        // Chromium's Noto CJK: simplified radicals without a decomposition.
        assert_eq!(fold("人\u{2EA0}\u{2EE2}").as_deref(), Some("人民马"));
        assert_eq!(fold("\u{F900}").as_deref(), Some("豈"));
        assert_eq!(
            fold("ﬁnal ﬂow ﬀ ﬃ ﬄ ﬅ ﬆ").as_deref(),
            Some("final flow ff ffi ffl st st")
        );
    }

    #[test]
    fn full_width_punctuation_and_digits_stay() {
        assert_eq!(fold("，。：（）１２"), None);
        assert_eq!(fold("联合国 United Nations"), None);
    }
}
