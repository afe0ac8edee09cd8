//! Regular expressions for UN document furniture and metadata (UN Editorial Manual,
//! "Document symbols" and "Job numbers"; front page layout per DESIGN.md).

use std::sync::LazyLock;

use regex::Regex;

/// Compiles a constant pattern; every pattern here is exercised by the tests below.
pub(crate) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant pattern compiles")
}

/// A document symbol: series letters then `/`-separated parts, at least one digit,
/// e.g. `A/RES/73/3`, `CAC/COSP/WG.4/2017/4`, `E/CN.6/2018/L.1`; with the parts UN
/// symbols carry after a space (UN Editorial Manual, "Document symbols"): a resolution's
/// letter and session (`A/RES/217 A (III)`), a section of a budget (`A/81/6 (Sect. 10)`),
/// a part or volume (`(Part II)`, `(Vol. I)`).
pub(crate) static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?-u:\b)[A-Z]{1,8}(?:\.[0-9]+)?(?:/[A-Z0-9][A-Za-z0-9.\-]*)+\b(?: [A-Z] \([IVXLC]+\)| \((?:Sect|Part|Vol|Chap)\.? [0-9IVXL]+\))?",
    )
});

/// A job number: `V.17-06020`, `18-16895`, optionally with the language letter.
pub(crate) static JOB_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| re(r"\b(?:[A-Z]\.)?\d{2}-\d{5}\b"));

/// A page number as printed in the footer: `2/12`.
pub(crate) static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| re(r"^\d{1,4}/\d{1,4}$"));

/// Barcode text of the job number: `*1706020*`.
pub(crate) static BARCODE: LazyLock<Regex> = LazyLock::new(|| re(r"^\*\d{6,9}\*$"));

/// Barcode text of a job number anywhere in a text.
pub(crate) static BARCODE_IN_TEXT: LazyLock<Regex> = LazyLock::new(|| re(r"\*\d{7,9}\*"));

/// `Distr.: General`.
pub(crate) static DISTRIBUTION: LazyLock<Regex> =
    LazyLock::new(|| re(r"Distr\.?\s*:?\s*(General|Limited|Restricted)"));

/// `Original: English`.
pub(crate) static ORIGINAL: LazyLock<Regex> = LazyLock::new(|| re(r"Original\s*:\s*([A-Z][a-z]+)"));

/// A date in English: `29 August 2017`.
pub(crate) static DATE_EN: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b",
    )
});

/// A date in Chinese: `2017年8月29日`.
pub(crate) static DATE_ZH: LazyLock<Regex> =
    LazyLock::new(|| re(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"));

/// A line naming only a language (the language line of the front page).
pub(crate) static LANGUAGE_LINE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(Arabic|Chinese|English|French|Russian|Spanish)$"));

/// A footnote separator typed as underscores.
pub(crate) static UNDERSCORES: LazyLock<Regex> = LazyLock::new(|| re(r"^_{5,}$"));

/// A footnote marker as printed: a number, one letter, or asterisks.
pub(crate) static MARKER: LazyLock<Regex> = LazyLock::new(|| re(r"^(\d{1,3}|[a-z]|\*{1,3})$"));

/// Converts an English month name to its number.
pub(crate) fn month_number(name: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    MONTHS.iter().position(|m| *m == name).map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_patterns() {
        assert!(SYMBOL.is_match("CAC/COSP/WG.4/2017/4"));
        let whole = |t: &str| SYMBOL.find(t).map(|m| m.as_str().to_string());
        assert_eq!(
            whole("resolution A/RES/217 A (III) of").as_deref(),
            Some("A/RES/217 A (III)")
        );
        assert_eq!(
            whole("see A/81/6 (Sect. 10), para").as_deref(),
            Some("A/81/6 (Sect. 10)")
        );
        assert_eq!(whole("A/80/590 and").as_deref(), Some("A/80/590"));
        // A Chinese masthead line set without a space before the symbol.
        assert_eq!(
            whole("联合国CAC/COSP/WG.4/2017/4").as_deref(),
            Some("CAC/COSP/WG.4/2017/4")
        );
        assert_eq!(
            SYMBOL.find("United Nations A/RES/73/8").map(|m| m.as_str()),
            Some("A/RES/73/8")
        );
        assert!(JOB_NUMBER.is_match("V.17-06020 (C) 290817 300817"));
        assert!(JOB_NUMBER.is_match("2/10 18-16895"));
        assert!(PAGE_NUMBER.is_match("10/11"));
        assert!(BARCODE.is_match("*1706020*"));
        assert!(!BARCODE.is_match("*"));
        assert_eq!(
            &DISTRIBUTION.captures("Distr.: General").unwrap()[1],
            "General"
        );
        assert_eq!(
            &ORIGINAL.captures("Original: English").unwrap()[1],
            "English"
        );
        assert!(DATE_EN.is_match("5 November 2018"));
        assert!(DATE_ZH.is_match("2017 年 8 月 29 日"));
        assert_eq!(month_number("August"), Some(8));
        assert!(MARKER.is_match("12") && MARKER.is_match("a") && MARKER.is_match("*"));
        assert!(!MARKER.is_match("st2"));
    }
}
