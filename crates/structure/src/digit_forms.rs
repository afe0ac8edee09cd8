//! The furniture and label forms made of digits — page numbers (`2/12`), barcodes
//! (`*1706020*`), job numbers (`V.17-06020`, `17-14567 (F)`), footnote markers, dot
//! leaders of a contents line, paragraph numbers (`12.`, `10.1`, `73/3.`, `(4)`) —
//! found by scans over the digits of the six languages' documents ([`is_digit`]).
//!
//! They were regular expressions, and every process compiled them: a class holding
//! non-ASCII digits makes the regex compiler build a UTF-8 automaton, whose table
//! (10 000 entries, 320 KB) it allocates and fills for each pattern — 12 patterns,
//! 27 % of the page faults and about 8 M instructions of `unpara extract` on a 24-page
//! report (perf, callgrind, `S_2013_220.pdf`). Each scan finds what its pattern found,
//! leftmost first (the tests below compare them on texts built of the forms' pieces);
//! the patterns are quoted in each function's documentation.

use std::ops::Range;

/// A decimal digit of the six languages' documents: ASCII, Arabic-Indic
/// (U+0660–0669), Eastern Arabic-Indic (U+06F0–06F9) and full-width (U+FF10–FF19);
/// [`crate::patterns::DIGIT`] as a class.
pub(crate) fn is_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '\u{660}'..='\u{669}' | '\u{6F0}'..='\u{6F9}' | '\u{FF10}'..='\u{FF19}')
}

/// Byte length of the characters at the start of `s` that `keep` holds, and how many.
pub(crate) fn run(s: &str, keep: impl Fn(char) -> bool) -> (usize, usize) {
    let mut bytes = 0;
    let mut count = 0;
    for c in s.chars().take_while(|&c| keep(c)) {
        bytes += c.len_utf8();
        count += 1;
    }
    (bytes, count)
}

/// Byte length of the digits `s` opens with, when there are `min` to `max` of them.
/// The whole run is taken: every form here follows its digits with a non-digit, so a
/// pattern's `\d{min,max}` could not match a shorter part of a longer run either.
fn digits(s: &str, min: usize, max: usize) -> Option<usize> {
    let (bytes, count) = run(s, is_digit);
    (min..=max).contains(&count).then_some(bytes)
}

/// Byte length of the white space `s` opens with (`\s*`: Unicode White_Space).
pub(crate) fn spaces(s: &str) -> usize {
    run(s, char::is_whitespace).0
}

/// A word character for `\b`, as the regex engine has it (Unicode `\w`).
pub(crate) fn is_word(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

/// Whether a word boundary (`\b`) lies at byte `at` of `text`, before a word character.
fn word_starts_at(text: &str, at: usize) -> bool {
    let before = text.get(..at).and_then(|s| s.chars().next_back());
    !before.is_some_and(is_word)
}

/// A page number as printed in the footer, the whole text: `2/12`
/// (`^\d{1,4}/\d{1,4}$`).
pub(crate) fn is_page_number(t: &str) -> bool {
    let Some(a) = digits(t, 1, 4) else {
        return false;
    };
    let Some(rest) = t.get(a..).and_then(|r| r.strip_prefix('/')) else {
        return false;
    };
    digits(rest, 1, 4) == Some(rest.len())
}

/// The barcode text of a job number, the whole text: `*1706020*` (`^\*\d{6,9}\*$`).
pub(crate) fn is_barcode(t: &str) -> bool {
    t.strip_prefix('*')
        .and_then(|r| r.strip_suffix('*'))
        .is_some_and(|inner| digits(inner, 6, 9) == Some(inner.len()))
}

/// Whether a barcode text of a job number stands anywhere in `t` (`\*\d{7,9}\*`).
pub(crate) fn has_barcode(t: &str) -> bool {
    t.match_indices('*').any(|(at, _)| {
        t.get(at + 1..).is_some_and(|rest| {
            digits(rest, 7, 9)
                .and_then(|n| rest.get(n..))
                .is_some_and(|after| after.starts_with('*'))
        })
    })
}

/// A footnote marker, the whole text: one to three digits, a small letter, or one to
/// three asterisks (`^(\d{1,3}|[a-z]|\*{1,3})$`).
pub(crate) fn is_marker(t: &str) -> bool {
    let (stars, n) = run(t, |c| c == '*');
    (stars == t.len() && (1..=3).contains(&n))
        || (t.len() == 1 && t.bytes().all(|b| b.is_ascii_lowercase()))
        || digits(t, 1, 3) == Some(t.len())
}

/// Byte length of a job number at the start of `s`: an optional capital and full stop
/// (a duty station's letter, `V.`), two digits, a hyphen, five digits
/// (`(?:[A-Z]\.)?\d{2}-\d{5}`, the prefix tried first).
fn job_at(s: &str) -> Option<usize> {
    let numbers = |s: &str| {
        let a = digits(s, 2, 2)?;
        let rest = s.get(a..)?.strip_prefix('-')?;
        Some(a + 1 + digits(rest, 5, 5)?)
    };
    let b = s.as_bytes();
    let prefixed = (b.first().is_some_and(u8::is_ascii_uppercase) && b.get(1) == Some(&b'.'))
        .then(|| s.get(2..).and_then(numbers).map(|n| n + 2))
        .flatten();
    prefixed.or_else(|| numbers(s))
}

/// The job numbers standing at a word boundary in `t`, leftmost first: their start and
/// byte length. A job number holds a hyphen after its two digits: only the two starts
/// a hyphen allows (two characters before it, or four with a duty station's `V.`) are
/// tried, not every character of the text (on `S_2013_220.pdf` the test of every
/// footer and heading line took 2.0 M instructions). Starts come in order: the starts
/// of a later hyphen lie after those of an earlier one, or the characters between
/// would be both a digit and a hyphen or capital.
fn jobs(t: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    t.match_indices('-').flat_map(move |(h, _)| {
        let mut back = t.get(..h).unwrap_or_default().char_indices().rev();
        let plain = back.nth(1).map(|(at, _)| at);
        let prefixed = back.nth(1).map(|(at, _)| at);
        [prefixed, plain].into_iter().flatten().filter_map(|at| {
            let n = job_at(t.get(at..)?)?;
            word_starts_at(t, at).then_some((at, n))
        })
    })
}

/// The leftmost job number in `t`, as a byte range: `V.17-06020`, `18-16895`, standing
/// as a word (`\b(?:[A-Z]\.)?\d{2}-\d{5}\b`; UN Editorial Manual, "Job numbers").
pub(crate) fn job_number(t: &str) -> Option<Range<usize>> {
    jobs(t).find_map(|(at, n)| {
        // The number ends in a digit: a boundary needs no word character after it.
        let after = t.get(at + n..)?.chars().next();
        (!after.is_some_and(is_word)).then_some(at..at + n)
    })
}

/// The leftmost job number followed by its language letter, `17-14567 (F)`: the job
/// number's byte range and the letter, one of A C E F R S
/// (`\b((?:[A-Z]\.)?\d{2}-\d{5})\s*\(([ACEFRS])\)`).
pub(crate) fn job_letter(t: &str) -> Option<(Range<usize>, char)> {
    jobs(t).find_map(|(at, n)| {
        let after = t.get(at + n..)?;
        let after = after.get(spaces(after)..)?.strip_prefix('(')?;
        let letter = after.chars().next().filter(|c| "ACEFRS".contains(*c))?;
        after
            .get(letter.len_utf8()..)?
            .starts_with(')')
            .then_some((at..at + n, letter))
    })
}

/// Where the dot leaders of a contents line start, when `t` ends with them and a page
/// number: four or more full stops, each followed by at most one white space, then
/// white space and one to four digits at the end (`(?:\.\s?){4,}\s*\d{1,4}$`). The
/// leftmost start: the first stop of the last chain of stops no two white spaces apart.
pub(crate) fn dot_leaders(t: &str) -> Option<usize> {
    // The page number: the digits the text ends with, one to four of them.
    let (page_bytes, page_digits) = {
        let mut bytes = 0;
        let mut count = 0;
        for c in t.chars().rev().take_while(|&c| is_digit(c)) {
            bytes += c.len_utf8();
            count += 1;
        }
        (bytes, count)
    };
    if !(1..=4).contains(&page_digits) {
        return None;
    }
    let before = t.get(..t.len() - page_bytes)?;
    // Back over the white space before the page number, then along the chain of stops.
    let mut chars = before.char_indices().rev().peekable();
    while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
    let mut start = None;
    let mut stops = 0usize;
    while let Some((at, '.')) = chars.next_if(|(_, c)| *c == '.') {
        start = Some(at);
        stops += 1;
        // At most one white space between two stops of the chain.
        let gap = chars.clone().take_while(|(_, c)| c.is_whitespace()).count();
        let next_is_stop = chars.clone().nth(gap).is_some_and(|(_, c)| c == '.');
        if gap > 1 || !next_is_stop {
            break;
        }
        for _ in 0..gap {
            chars.next();
        }
    }
    start.filter(|_| stops >= 4)
}

/// A resolution's number opening a line, `73/3.` then white space
/// (`^(\d{1,3}/\d{1,4})\.\s+`): the byte end of the number and of the whole label.
pub(crate) fn resolution_label(t: &str) -> Option<(usize, usize)> {
    let a = digits(t, 1, 3)?;
    let rest = t.get(a..)?.strip_prefix('/')?;
    let number = a + 1 + digits(rest, 1, 4)?;
    let rest = t.get(number..)?.strip_prefix('.')?;
    let gap = spaces(rest);
    (gap > 0).then_some((number, number + 1 + gap))
}

/// A section's paragraph number opening a line, `10.1` or `10.1.`, then white space
/// (`^(\d{1,3})\.(\d{1,3})\.?\s+`): the byte ranges of the two numbers and the end of
/// the whole label.
pub(crate) fn section_label(t: &str) -> Option<(Range<usize>, Range<usize>, usize)> {
    let a = digits(t, 1, 3)?;
    let rest = t.get(a..)?.strip_prefix('.')?;
    let b = a + 1 + digits(rest, 1, 3)?;
    let rest = t.get(b..)?;
    let stop = usize::from(rest.starts_with('.'));
    let gap = spaces(rest.get(stop..)?);
    (gap > 0).then_some((0..a, a + 1..b, b + stop + gap))
}

/// A paragraph number opening a line, `12.`, then white space or a character that is
/// no digit, white space or full stop (`^(\d{1,3})\.(?:\s+|[^\d\s.])`): the byte end
/// of the number and of the whole match.
pub(crate) fn number_label(t: &str) -> Option<(usize, usize)> {
    let a = digits(t, 1, 3)?;
    let rest = t.get(a..)?.strip_prefix('.')?;
    let gap = spaces(rest);
    if gap > 0 {
        return Some((a, a + 1 + gap));
    }
    let c = rest.chars().next().filter(|&c| !is_digit(c) && c != '.')?;
    Some((a, a + 1 + c.len_utf8()))
}

/// A parenthesized number opening a line, `(4)` or `（4）`, then white space
/// (`^[(（](\d{1,2})[)）]\s*`): the byte range of the number and the end of the whole
/// match.
pub(crate) fn paren_number_label(t: &str) -> Option<(Range<usize>, usize)> {
    let open = t.chars().next().filter(|c| matches!(c, '(' | '（'))?;
    let from = open.len_utf8();
    let n = from + digits(t.get(from..)?, 1, 2)?;
    let close = t
        .get(n..)?
        .chars()
        .next()
        .filter(|c| matches!(c, ')' | '）'))?;
    let end = n + close.len_utf8();
    Some((from..n, end + spaces(t.get(end..)?)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::patterns::{DIGIT, DIGITS};

    #[test]
    fn forms_of_the_six_languages() {
        assert!(is_page_number("2/12") && is_page_number("١٠/١١") && !is_page_number("2/12a"));
        assert!(!is_page_number("12345/2") && !is_page_number("/2"));
        assert!(is_barcode("*1706020*") && !is_barcode("*") && !is_barcode("*17060*"));
        assert!(has_barcode("V.17-06020 *1706020*") && !has_barcode("*1706020 *"));
        assert!(is_marker("12") && is_marker("a") && is_marker("***") && is_marker("٣"));
        assert!(!is_marker("st2") && !is_marker("1234") && !is_marker("****"));
        let t = "V.17-06020 (C) 290817 300817";
        assert_eq!(job_number(t), Some(0..10));
        assert_eq!(job_number("2/10 18-16895"), Some(5..13));
        assert_eq!(job_number("x18-16895"), None);
        assert_eq!(job_letter(t), Some((0..10, 'C')));
        assert_eq!(job_letter("١٧-١٤٥٦٧ (A)").map(|(_, l)| l), Some('A'));
        assert_eq!(job_letter("17-14567 (X)"), None);
        assert_eq!(dot_leaders("Introduction . . . . . . 3"), Some(13));
        assert_eq!(dot_leaders("Introduction......12"), Some(12));
        assert_eq!(dot_leaders("Introduction...12"), None);
        assert_eq!(dot_leaders("Introduction......12345"), None);
        assert_eq!(resolution_label("73/3. Cooperation"), Some((4, 6)));
        assert_eq!(section_label("10.1. The Board"), Some((0..2, 3..4, 6)));
        assert_eq!(section_label("10.1The Board"), None);
        assert_eq!(number_label("12. The"), Some((2, 4)));
        assert_eq!(number_label("12.The"), Some((2, 4)));
        assert_eq!(number_label("12.5"), None);
        // `（` and `）` are three bytes each, then one space.
        assert_eq!(paren_number_label("（4） 内容"), Some((3..4, 8)));
    }

    /// The scans find what the regular expressions they replace found (the patterns of
    /// commit 715306f), on texts made of the forms' pieces in any order.
    mod same_as_the_patterns {
        use super::*;
        use proptest::prelude::*;
        use regex::Regex;

        const PIECES: [&str; 41] = [
            "1",
            "12",
            "٣",
            "۴",
            "５",
            "2017",
            "/",
            "-",
            ".",
            ". ",
            "*",
            "(",
            ")",
            "（",
            "）",
            " ",
            "  ",
            "\u{A0}",
            "\u{2003}",
            "\u{85}",
            "\u{180E}",
            "\u{200B}",
            "V",
            "a",
            "F",
            "é",
            "_",
            "\u{301}",
            "\u{200D}",
            "x",
            "17-",
            "06020",
            "V.",
            "1706020",
            "(F)",
            "....",
            "١٤٥٦٧",
            "123",
            "1234",
            "12345",
            "123456",
        ];

        struct Patterns {
            page: Regex,
            barcode: Regex,
            barcode_in_text: Regex,
            marker: Regex,
            job: Regex,
            job_letter: Regex,
            leaders: Regex,
            resolution: Regex,
            section: Regex,
            number: Regex,
            paren_number: Regex,
        }

        fn patterns() -> Patterns {
            let re = |p: String| Regex::new(&p).expect("compiles");
            Patterns {
                page: re(format!(r"^{DIGIT}{{1,4}}/{DIGIT}{{1,4}}$")),
                barcode: re(format!(r"^\*{DIGIT}{{6,9}}\*$")),
                barcode_in_text: re(format!(r"\*{DIGIT}{{7,9}}\*")),
                marker: re(format!(r"^({DIGIT}{{1,3}}|[a-z]|\*{{1,3}})$")),
                job: re(format!(r"\b(?:[A-Z]\.)?{DIGIT}{{2}}-{DIGIT}{{5}}\b")),
                job_letter: re(format!(
                    r"\b((?:[A-Z]\.)?{DIGIT}{{2}}-{DIGIT}{{5}})\s*\(([ACEFRS])\)"
                )),
                leaders: re(format!(r"(?:\.\s?){{4,}}\s*{DIGIT}{{1,4}}$")),
                resolution: re(format!(r"^({DIGIT}{{1,3}}/{DIGIT}{{1,4}})\.\s+")),
                section: re(format!(r"^({DIGIT}{{1,3}})\.({DIGIT}{{1,3}})\.?\s+")),
                number: re(format!(r"^({DIGIT}{{1,3}})\.(?:\s+|[^{DIGITS}\s.])")),
                paren_number: re(format!(r"^[(（]({DIGIT}{{1,2}})[)）]\s*")),
            }
        }

        fn end_of(c: &regex::Captures, i: usize) -> Option<usize> {
            c.get(i).map(|m| m.end())
        }

        fn range_of(c: &regex::Captures, i: usize) -> Option<Range<usize>> {
            c.get(i).map(|m| m.range())
        }

        fn check(p: &Patterns, t: &str) -> Result<(), TestCaseError> {
            prop_assert_eq!(is_page_number(t), p.page.is_match(t), "page {:?}", t);
            prop_assert_eq!(is_barcode(t), p.barcode.is_match(t), "barcode {:?}", t);
            prop_assert_eq!(
                has_barcode(t),
                p.barcode_in_text.is_match(t),
                "in text {:?}",
                t
            );
            prop_assert_eq!(is_marker(t), p.marker.is_match(t), "marker {:?}", t);
            prop_assert_eq!(
                job_number(t),
                p.job.find(t).map(|m| m.range()),
                "job {:?}",
                t
            );
            let letter = p
                .job_letter
                .captures(t)
                .and_then(|c| Some((range_of(&c, 1)?, c.get(2)?.as_str().chars().next()?)));
            prop_assert_eq!(job_letter(t), letter, "job letter {:?}", t);
            prop_assert_eq!(
                dot_leaders(t),
                p.leaders.find(t).map(|m| m.start()),
                "leaders {:?}",
                t
            );
            let resolution = p
                .resolution
                .captures(t)
                .and_then(|c| Some((end_of(&c, 1)?, end_of(&c, 0)?)));
            prop_assert_eq!(resolution_label(t), resolution, "resolution {:?}", t);
            let section = p
                .section
                .captures(t)
                .and_then(|c| Some((range_of(&c, 1)?, range_of(&c, 2)?, end_of(&c, 0)?)));
            prop_assert_eq!(section_label(t), section, "section {:?}", t);
            let number = p
                .number
                .captures(t)
                .and_then(|c| Some((end_of(&c, 1)?, end_of(&c, 0)?)));
            prop_assert_eq!(number_label(t), number, "number {:?}", t);
            let paren = p
                .paren_number
                .captures(t)
                .and_then(|c| Some((range_of(&c, 1)?, end_of(&c, 0)?)));
            prop_assert_eq!(paren_number_label(t), paren, "paren number {:?}", t);
            Ok(())
        }

        #[test]
        fn on_texts_of_the_forms() {
            let p = patterns();
            for t in [
                "V.17-06020 (C) 290817 300817",
                "17-14567\u{A0}(F)",
                "Contents . . . . . . . . 12",
                "A. Introduction .....  3",
                "1. The",
                "10.1 The",
                "73/3. Resolution",
                "(12) x",
                "*1706020*",
                "",
            ] {
                check(&p, t)
                    .map_err(|e| e.to_string())
                    .expect("same as the pattern");
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]
            #[test]
            fn on_any_text_of_the_pieces(picks in proptest::collection::vec(0..PIECES.len(), 0..14)) {
                let text: String = picks.iter().filter_map(|&i| PIECES.get(i).copied()).collect();
                thread_local! {
                    static PATTERNS: Patterns = patterns();
                }
                // The forms that open with a star or a parenthesis are tried after one
                // too: few texts of the pieces open so.
                for opener in ["", "*", "("] {
                    PATTERNS.with(|p| check(p, &format!("{opener}{text}")))?;
                }
            }
        }
    }
}
