//! Document symbols in a text, found by a scan (UN Editorial Manual, "Document
//! symbols"): series letters, then `/`-separated parts (`A/RES/73/3`,
//! `CAC/COSP/WG.4/2017/4`, `E/CN.6/2018/L.1`), and the parts a symbol carries after a space — a resolution's letter and session
//! (`A/RES/217 A (III)`), a section of a budget (`A/81/6 (Sect. 10)`), a part or volume
//! (`(Part II)`, `(Vol. I)`).
//!
//! A scan, not a pattern: the pattern (kept as the tests' oracle) took 0.56 M
//! instructions to compile in every `unpara extract`, about half a percent of a
//! 24-page report's.

use std::ops::Range;

use crate::digit_forms::is_word;

/// Most series letters a symbol opens with (`CAC`, `UNEP`, `ECE`).
const MAX_SERIES_LETTERS: usize = 8;

/// A byte of a word in ASCII: what the boundary before a symbol's series letters is
/// measured with (`xA/1` holds no symbol, `联合国A/1` does).
fn is_ascii_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// A byte a symbol's part may hold after its first (`WG.4`, `L.1`, `CRP-2`, `Add.1`).
fn is_part_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'.' || b == b'-'
}

/// Length of the run of bytes from `at` that satisfy `keep`.
fn run(bytes: &[u8], at: usize, keep: impl Fn(u8) -> bool) -> usize {
    bytes
        .get(at..)
        .map_or(0, |rest| rest.iter().take_while(|&&b| keep(b)).count())
}

/// Whether a word boundary (Unicode `\w`, [`is_word`]) lies at byte `at` of `text`,
/// which follows an ASCII byte.
fn boundary_at(text: &str, at: usize) -> bool {
    let before = at
        .checked_sub(1)
        .and_then(|i| text.as_bytes().get(i))
        .is_some_and(|&b| is_word(char::from(b)));
    let after = text
        .get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(is_word);
    before != after
}

/// The byte range of the symbol that starts at byte `start` of `text`, if one does.
fn symbol_at(text: &str, start: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let opens = bytes.get(start).is_some_and(u8::is_ascii_uppercase)
        && start
            .checked_sub(1)
            .and_then(|i| bytes.get(i))
            .is_none_or(|&b| !is_ascii_word(b));
    if !opens {
        return None;
    }
    let letters = run(bytes, start, |b| b.is_ascii_uppercase());
    if letters > MAX_SERIES_LETTERS {
        return None;
    }
    let mut at = start + letters;
    // A numbered series, `CCPR.2/…`.
    if bytes.get(at) == Some(&b'.') {
        let digits = run(bytes, at + 1, |b| b.is_ascii_digit());
        if digits == 0 {
            return None;
        }
        at += 1 + digits;
    }
    // Each part: where the symbol may end in it (after its first byte, up to its end).
    let mut parts: Vec<Range<usize>> = Vec::new();
    while bytes.get(at) == Some(&b'/')
        && bytes
            .get(at + 1)
            .is_some_and(|&b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        let first_end = at + 2;
        let end = first_end + run(bytes, first_end, is_part_byte);
        parts.push(first_end..end);
        at = end;
    }
    // The symbol ends at the last word boundary its parts hold (`A/73/L.1.` ends
    // before the final stop).
    let end = parts
        .iter()
        .rev()
        .flat_map(|p| (p.start..=p.end).rev())
        .find(|&e| boundary_at(text, e))?;
    Some(start..end + suffix_len(text.get(end..).unwrap_or_default()))
}

/// Length of the suffix `rest` opens with: ` A (III)` (a resolution's letter and
/// session) or ` (Sect. 10)`, ` (Part II)`, ` (Vol. I)`, ` (Chap. 3)`; 0 when none.
fn suffix_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let close = |at: usize, keep: fn(u8) -> bool| {
        let n = run(bytes, at, keep);
        (n > 0 && bytes.get(at + n) == Some(&b')')).then_some(at + n + 1)
    };
    // ` A (III)`
    if bytes.first() == Some(&b' ')
        && bytes.get(1).is_some_and(u8::is_ascii_uppercase)
        && bytes.get(2..4) == Some(b" (")
    {
        if let Some(end) = close(4, |b| matches!(b, b'I' | b'V' | b'X' | b'L' | b'C')) {
            return end;
        }
    }
    // ` (Sect. 10)`
    let Some(word) = rest.strip_prefix(" (") else {
        return 0;
    };
    let Some(after) = ["Sect", "Part", "Vol", "Chap"]
        .iter()
        .find_map(|w| word.strip_prefix(w))
    else {
        return 0;
    };
    let mut at = rest.len() - after.len();
    if bytes.get(at) == Some(&b'.') {
        at += 1;
    }
    if bytes.get(at) != Some(&b' ') {
        return 0;
    }
    close(at + 1, |b| {
        b.is_ascii_digit() || matches!(b, b'I' | b'V' | b'X' | b'L')
    })
    .unwrap_or(0)
}

/// The first symbol of `text` that starts at byte `from` or later.
fn next_symbol(text: &str, from: usize) -> Option<Range<usize>> {
    (from..text.len()).find_map(|at| symbol_at(text, at))
}

/// The symbols of `text`, left to right, none overlapping another: byte ranges.
pub(crate) fn symbols(text: &str) -> Vec<Range<usize>> {
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(s) = next_symbol(text, at) {
        at = s.end;
        found.push(s);
    }
    found
}

/// The first symbol of `text`, if it holds one.
pub(crate) fn first_symbol(text: &str) -> Option<&str> {
    next_symbol(text, 0).and_then(|s| text.get(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn whole(text: &str) -> Option<&str> {
        first_symbol(text)
    }

    #[test]
    fn symbols_and_their_suffixes() {
        assert_eq!(whole("CAC/COSP/WG.4/2017/4"), Some("CAC/COSP/WG.4/2017/4"));
        assert_eq!(
            whole("resolution A/RES/217 A (III) of"),
            Some("A/RES/217 A (III)")
        );
        assert_eq!(
            whole("see A/81/6 (Sect. 10), para"),
            Some("A/81/6 (Sect. 10)")
        );
        assert_eq!(whole("A/80/590 and"), Some("A/80/590"));
        // A Chinese masthead line set without a space before the symbol.
        assert_eq!(
            whole("联合国CAC/COSP/WG.4/2017/4"),
            Some("CAC/COSP/WG.4/2017/4")
        );
        assert_eq!(whole("United Nations A/RES/73/8"), Some("A/RES/73/8"));
        assert_eq!(whole("see A/73/L.1."), Some("A/73/L.1"));
        assert_eq!(whole("xA/1 and ABCDEFGHI/1"), None);
        assert_eq!(
            symbols("A/1, S/2013/220 (Part II) and E/CN.6/2018/L.1-"),
            vec![0..3, 5..25, 30..45]
        );
    }

    /// The pattern the scan replaced (commit b2d5281), on texts made of the pieces
    /// symbols are made of.
    mod same_as_the_pattern {
        use super::*;
        use proptest::prelude::*;

        static PATTERN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
            crate::patterns::re(
                r"(?-u:\b)[A-Z]{1,8}(?:\.[0-9]+)?(?:/[A-Z0-9][A-Za-z0-9.\-]*)+\b(?: [A-Z] \([IVXLC]+\)| \((?:Sect|Part|Vol|Chap)\.? [0-9IVXL]+\))?",
            )
        });

        const PIECES: [&str; 30] = [
            "A",
            "RES",
            "CAC",
            "ABCDEFGHI",
            "/",
            "73",
            "2017",
            ".",
            "4",
            "L.1",
            "-",
            "WG.4",
            " ",
            "(",
            ")",
            "III",
            "Sect",
            "Part",
            "Vol",
            "Chap",
            "10",
            "x",
            "_",
            "é",
            "联合国",
            "\u{301}",
            "²",
            "C",
            "Add",
            ". ",
        ];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(20_000))]
            #[test]
            fn on_any_text_of_the_pieces(picks in proptest::collection::vec(0..PIECES.len(), 0..14)) {
                let text: String = picks.iter().filter_map(|&i| PIECES.get(i).copied()).collect();
                let by_pattern: Vec<Range<usize>> = PATTERN.find_iter(&text).map(|m| m.range()).collect();
                prop_assert_eq!(first_symbol(&text), by_pattern.first().and_then(|r| text.get(r.clone())));
                prop_assert_eq!(symbols(&text), by_pattern, "{:?}", text);
            }
        }
    }
}
