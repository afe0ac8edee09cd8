//! The sub-item labels made of letters — `(a)`, `(iv)`, `（三）`, `(ب)`, `a)` — and the
//! footnote separator typed as underscores, found by scans.
//!
//! They were regular expressions compiled by every process reading a document with a
//! line that opens with a parenthesis (nearly every UN report); the Chinese numerals'
//! and the Arabic letters' classes made the compiler build its UTF-8 automaton for
//! each (see [`crate::digit_forms`]). Each scan finds what its pattern found; the
//! patterns are quoted in each function's documentation and the tests compare them.

use std::ops::Range;

/// The Chinese numerals of sub-item labels, one to ten.
const ZH_NUMERALS: &str = "一二三四五六七八九十";

/// Byte length of the characters at the start of `s` that `keep` holds, and how many.
fn run(s: &str, keep: impl Fn(char) -> bool) -> (usize, usize) {
    let mut bytes = 0;
    let mut count = 0;
    for c in s.chars().take_while(|&c| keep(c)) {
        bytes += c.len_utf8();
        count += 1;
    }
    (bytes, count)
}

/// Byte length of the white space `s` opens with (`\s*`: Unicode White_Space).
fn spaces(s: &str) -> usize {
    run(s, char::is_whitespace).0
}

/// Byte length of an opening parenthesis, ASCII or full-width, that `s` opens with.
fn open_paren(s: &str) -> Option<usize> {
    s.chars()
        .next()
        .filter(|c| matches!(c, '(' | '（'))
        .map(char::len_utf8)
}

/// Byte length of a closing parenthesis, ASCII or full-width, that `s` opens with.
fn close_paren(s: &str) -> Option<usize> {
    s.chars()
        .next()
        .filter(|c| matches!(c, ')' | '）'))
        .map(char::len_utf8)
}

/// Byte length of `\s*[)）]\s*` at the start of `s`.
fn closing(s: &str) -> Option<usize> {
    let a = spaces(s);
    let b = a + close_paren(s.get(a..)?)?;
    Some(b + spaces(s.get(b..)?))
}

/// A parenthesized label of small letters or Chinese numerals opening a line, `(a)`,
/// `(iv)`, `（三）` (`^[(（]\s*([a-z]{1,5}|[一二三四五六七八九十]{1,3})\s*[)）]\s*`): the
/// byte range of the letters or numerals and the end of the whole match.
pub(crate) fn paren_letters_label(t: &str) -> Option<(Range<usize>, usize)> {
    let open = open_paren(t)?;
    let from = open + spaces(t.get(open..)?);
    let rest = t.get(from..)?;
    let (latin, n) = run(rest, |c| c.is_ascii_lowercase());
    let len = if (1..=5).contains(&n) {
        latin
    } else {
        let (zh, n) = run(rest, |c| ZH_NUMERALS.contains(c));
        (1..=3).contains(&n).then_some(zh)?
    };
    let end = from + len;
    Some((from..end, end + closing(t.get(end..)?)?))
}

/// A parenthesized Arabic letter opening a line, `(ب)`, `(هـ)`, one of `letters` (the
/// abjad order of the labels): which of them, and the byte end of the whole match
/// (`^[(（]\s*(أ|ب|…|هـ|…|ض)\s*[)）]\s*`).
pub(crate) fn paren_letter_of(t: &str, letters: &[&str]) -> Option<(usize, usize)> {
    let open = open_paren(t)?;
    let from = open + spaces(t.get(open..)?);
    let rest = t.get(from..)?;
    letters.iter().enumerate().find_map(|(i, letter)| {
        let end = from + letter.len();
        rest.starts_with(letter)
            .then(|| Some((i, end + closing(t.get(end..)?)?)))
            .flatten()
    })
}

/// A sub-item label with a closing parenthesis only, `a)`, `iv)`, then white space
/// (`^([a-z]{1,5})\)\s+`): the byte range of the letters and the end of the match.
pub(crate) fn close_only_label(t: &str) -> Option<(Range<usize>, usize)> {
    let (len, n) = run(t, |c| c.is_ascii_lowercase());
    if !(1..=5).contains(&n) {
        return None;
    }
    let rest = t.get(len..)?.strip_prefix(')')?;
    let gap = spaces(rest);
    (gap > 0).then_some((0..len, len + 1 + gap))
}

/// A footnote separator typed as underscores, the whole text: five or more (`^_{5,}$`).
pub(crate) fn is_underscore_rule(t: &str) -> bool {
    t.len() >= 5 && t.bytes().all(|b| b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    const ABJAD: [&str; 4] = ["أ", "ب", "ج", "هـ"];

    #[test]
    fn labels_of_the_six_languages() {
        assert_eq!(paren_letters_label("(a) The"), Some((1..2, 4)));
        assert_eq!(paren_letters_label("( iv ) The"), Some((2..4, 7)));
        // `（` and `）` are three bytes each, the numeral three.
        assert_eq!(paren_letters_label("（三）内容"), Some((3..6, 9)));
        assert_eq!(paren_letters_label("(abcdef) x"), None);
        assert_eq!(paren_letter_of("(هـ) نص", &ABJAD), Some((3, 7)));
        assert_eq!(paren_letter_of("(د) نص", &ABJAD), None);
        assert_eq!(close_only_label("iv) Le"), Some((0..2, 4)));
        assert_eq!(close_only_label("iv)Le"), None);
        assert!(is_underscore_rule("_____") && !is_underscore_rule("____"));
    }

    /// The scans find what the regular expressions they replace found (the patterns of
    /// commit a93f90a), on texts made of the forms' pieces in any order.
    mod same_as_the_patterns {
        use super::*;
        use proptest::prelude::*;
        use regex::Regex;

        const PIECES: [&str; 25] = [
            "(",
            ")",
            "（",
            "）",
            " ",
            "  ",
            "\u{A0}",
            "\u{3000}",
            "a",
            "iv",
            "abcde",
            "x",
            "A",
            "三",
            "十一",
            "五",
            "十一三",
            "أ",
            "ب",
            "هـ",
            "ه",
            "ـ",
            "\u{64F}",
            "_",
            "___",
        ];

        struct Patterns {
            paren: Regex,
            arabic: Regex,
            close_only: Regex,
            underscores: Regex,
        }

        fn patterns() -> Patterns {
            let re = |p: &str| Regex::new(p).expect("compiles");
            Patterns {
                paren: re(r"^[(（]\s*([a-z]{1,5}|[一二三四五六七八九十]{1,3})\s*[)）]\s*"),
                arabic: re(r"^[(（]\s*(أ|ب|ج|هـ)\s*[)）]\s*"),
                close_only: re(r"^([a-z]{1,5})\)\s+"),
                underscores: re(r"^_{5,}$"),
            }
        }

        fn check(p: &Patterns, t: &str) -> Result<(), TestCaseError> {
            let inner_and_end = |c: regex::Captures| Some((c.get(1)?.range(), c.get(0)?.end()));
            let paren = p.paren.captures(t).and_then(inner_and_end);
            prop_assert_eq!(paren_letters_label(t), paren, "paren {:?}", t);
            let arabic = p.arabic.captures(t).and_then(|c| {
                let letter = c.get(1)?.as_str();
                Some((ABJAD.iter().position(|l| *l == letter)?, c.get(0)?.end()))
            });
            prop_assert_eq!(paren_letter_of(t, &ABJAD), arabic, "arabic {:?}", t);
            let close = p.close_only.captures(t).and_then(inner_and_end);
            prop_assert_eq!(close_only_label(t), close, "close only {:?}", t);
            prop_assert_eq!(
                is_underscore_rule(t),
                p.underscores.is_match(t),
                "rule {:?}",
                t
            );
            Ok(())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]
            #[test]
            fn on_any_text_of_the_pieces(picks in proptest::collection::vec(0..PIECES.len(), 0..10)) {
                let text: String = picks.iter().filter_map(|&i| PIECES.get(i).copied()).collect();
                thread_local! {
                    static PATTERNS: Patterns = patterns();
                }
                // Most texts of the pieces open otherwise: each is tried after a
                // parenthesis too.
                PATTERNS.with(|p| check(p, &text).and_then(|()| check(p, &format!("({text}"))))?;
            }
        }
    }
}
