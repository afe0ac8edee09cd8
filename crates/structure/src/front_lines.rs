//! The distribution line and the original-language line of a UN front page (DESIGN.md,
//! "front page"; UN Editorial Manual), found by their words in the six languages.
//!
//! Both are found in every document, so they were compiled as regular expressions in
//! every process: the two patterns took 5.1 M instructions to compile, 8 % of
//! `unpara extract` on a 5-page resolution (callgrind, `A_RES_73_8.pdf`). A scan for
//! the words finds the same matches, leftmost first, at no start-up cost.

use std::ops::Range;

/// Where a front-page line says something: the byte range of the whole phrase in the
/// text (`Distr.: General`) and of its value (`General`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub whole: Range<usize>,
    pub value: Range<usize>,
}

/// The words that open a distribution line, each with whether a full stop may follow
/// it: `Distr.` (English, French, Spanish, Russian documents; the abbreviation's stop)
/// and `التوزيع` (Arabic, a whole word, no stop). Matched without regard to case.
const DISTRIBUTION_OPENERS: [(&str, bool); 2] = [("distr", true), ("التوزيع", false)];

/// The distribution words of the six languages, as printed: `General`, `générale`,
/// `Общая`, `عام`, … ([`crate::patterns::distribution_term`] names them in English).
const DISTRIBUTION_WORDS: [&str; 16] = [
    "General",
    "Limited",
    "Restricted",
    "générale",
    "limitée",
    "restreinte",
    "limitada",
    "reservada",
    "restringida",
    "Общая",
    "Ограниченная",
    "Для служебного пользования",
    "عام",
    "محدود",
    "سري",
    "general",
];

/// The words that open an original-language line: `Original: English`,
/// `Подлинный текст: английский`, `الأصل: بالإنكليزية`, `原文：英文`.
const ORIGINAL_OPENERS: [&str; 4] = ["Original", "Подлинный текст", "الأصل", "原文"];

/// The distribution line in `text`: an opener ([`DISTRIBUTION_OPENERS`]; `Distr`
/// with its full stop, if any, `التوزيع` without), white space, an optional colon, white space, then a
/// distribution word ([`DISTRIBUTION_WORDS`]); words compared without regard to case.
/// The leftmost such phrase.
pub(crate) fn distribution(text: &str) -> Option<Found> {
    text.char_indices().find_map(|(start, _)| {
        let rest = text.get(start..)?;
        let (after, stop) = DISTRIBUTION_OPENERS
            .iter()
            .find_map(|&(w, stop)| Some((prefix_ignoring_case(rest, w)?, stop)))?;
        let mut at = start + after;
        if stop && text.get(at..)?.starts_with('.') {
            at += 1;
        }
        at = skip_space(text, at);
        if text.get(at..)?.starts_with(':') {
            at += 1;
        }
        at = skip_space(text, at);
        let tail = text.get(at..)?;
        let len = DISTRIBUTION_WORDS
            .iter()
            .find_map(|w| prefix_ignoring_case(tail, w))?;
        Some(Found {
            whole: start..at + len,
            value: at..at + len,
        })
    })
}

/// The original-language line in `text`: an opener ([`ORIGINAL_OPENERS`]), white
/// space, a colon (`:` or the full-width `：`), white space, then the language's name:
/// the letters that follow (at least one). The leftmost such phrase.
pub(crate) fn original(text: &str) -> Option<Found> {
    text.char_indices().find_map(|(start, _)| {
        let rest = text.get(start..)?;
        let opener = ORIGINAL_OPENERS.iter().find(|w| rest.starts_with(*w))?;
        let mut at = skip_space(text, start + opener.len());
        let colon = text
            .get(at..)?
            .chars()
            .next()
            .filter(|c| matches!(c, ':' | '：'))?;
        at = skip_space(text, at + colon.len_utf8());
        let name: usize = text
            .get(at..)?
            .chars()
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        (name > 0).then(|| Found {
            whole: start..at + name,
            value: at..at + name,
        })
    })
}

/// The byte offset in `text` after the white space that starts at `at`.
fn skip_space(text: &str, at: usize) -> usize {
    let tail = text.get(at..).unwrap_or_default();
    at + (tail.len() - tail.trim_start().len())
}

/// The length in bytes of the start of `text` that is `word` up to case (character by
/// character, each compared by its lowercase form); `None` when `text` does not start
/// with it.
fn prefix_ignoring_case(text: &str, word: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for w in word.chars() {
        let (_, c) = chars.next()?;
        if c != w && !c.to_lowercase().eq(w.to_lowercase()) {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(i, _)| i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(text: &str, found: Option<Found>) -> Option<&str> {
        found.and_then(|f| text.get(f.value))
    }

    #[test]
    fn distribution_lines_of_the_six_languages() {
        for (line, word) in [
            ("Distr.: General", "General"),
            ("Distr. générale", "générale"),
            ("Distr. GÉNÉRALE", "GÉNÉRALE"),
            ("Distr.: LIMITED", "LIMITED"),
            ("Distr. reservada", "reservada"),
            ("Distr.: Общая", "Общая"),
            (
                "Distr.: Для служебного пользования",
                "Для служебного пользования",
            ),
            ("التوزيع: محدود", "محدود"),
            ("DISTR.:general", "general"),
            ("A/73/8 Distr. : General 5 May", "General"),
        ] {
            assert_eq!(value(line, distribution(line)), Some(word), "{line}");
        }
        let line = "18-07654 Distr.: General";
        assert_eq!(distribution(line).map(|f| f.whole), Some(9..24));
        for line in [
            "Distribution: General",
            "Distr.: Generous",
            "Distr.",
            "General",
        ] {
            assert_eq!(distribution(line), None, "{line}");
        }
        // The leftmost phrase, after a "Distr" that says nothing.
        // A full stop follows the abbreviation, never the Arabic word.
        assert_eq!(distribution("التوزيع.General"), None);
        assert_eq!(
            value("التوزيع: عام", distribution("التوزيع: عام")),
            Some("عام")
        );
        let line = "Distr list; Distr.: Limited";
        assert_eq!(value(line, distribution(line)), Some("Limited"));
    }

    #[test]
    fn original_lines_of_the_six_languages() {
        for (line, name) in [
            ("Original: English", "English"),
            ("Original : anglais", "anglais"),
            ("Original: inglés", "inglés"),
            ("Подлинный текст: английский", "английский"),
            ("الأصل: بالإنكليزية", "بالإنكليزية"),
            ("原文：英文", "英文"),
            ("Original:English 18-1", "English"),
        ] {
            assert_eq!(value(line, original(line)), Some(name), "{line}");
        }
        let line = "5 May Original: French";
        assert_eq!(original(line).map(|f| f.whole), Some(6..22));
        for line in [
            "Original English",
            "original: English",
            "Original: 12",
            "Original:",
        ] {
            assert_eq!(original(line), None, "{line}");
        }
        let line = "Original text; Original: Spanish";
        assert_eq!(value(line, original(line)), Some("Spanish"));
    }

    /// The scans find what the regular expressions they replace found (the patterns
    /// of commit 2a7b14e), on texts made of the lines' pieces in any order.
    mod same_as_the_patterns {
        use super::*;
        use proptest::prelude::*;

        const PIECES: [&str; 22] = [
            "Distr",
            "DISTR",
            "distr",
            ".",
            ":",
            "：",
            " ",
            "\u{A0}",
            "General",
            "GENERAL",
            "générale",
            "Общая",
            "Для служебного пользования",
            "التوزيع",
            "محدود",
            "Original",
            "Подлинный текст",
            "原文",
            "英文",
            "English",
            "12",
            "x",
        ];

        fn found(c: Option<regex::Captures>) -> Option<Found> {
            let c = c?;
            Some(Found {
                whole: c.get(0)?.range(),
                value: c.get(1)?.range(),
            })
        }

        proptest! {
            #[test]
            fn on_any_text_of_the_pieces(picks in proptest::collection::vec(0..PIECES.len(), 0..8)) {
                let text: String = picks.iter().filter_map(|&i| PIECES.get(i).copied()).collect();
                let distribution_pattern = regex::Regex::new(
                    r"(?i)(?:Distr\.?|التوزيع)\s*:?\s*(General|Limited|Restricted|générale|limitée|restreinte|general|limitada|reservada|restringida|Общая|Ограниченная|Для служебного пользования|عام|محدود|سري)",
                ).expect("compiles");
                let original_pattern = regex::Regex::new(
                    r"(?:Original|Подлинный текст|الأصل|原文)\s*[:：]\s*(\p{L}+)",
                ).expect("compiles");
                prop_assert_eq!(distribution(&text), found(distribution_pattern.captures(&text)), "{}", text);
                prop_assert_eq!(original(&text), found(original_pattern.captures(&text)), "{}", text);
            }
        }
    }
}
