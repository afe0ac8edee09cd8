//! Front-page dates in the six languages, to ISO 8601 (`YYYY-MM-DD`): `29 August 2017`,
//! `2017年8月29日`, `29 août 2017` (and `1er août`), `29 de agosto de 2017`,
//! `29 августа 2017 года`, `29 آب/أغسطس 2017` (the Arabic month as the UN writes it:
//! its Syriac name, a slash, its Latin-derived name; either alone is read too). Digits
//! may be Arabic-Indic. Month names from the UN's Editorial Manuals of each language.

use std::sync::LazyLock;

use regex::Regex;

use std::ops::Range;

use crate::digit_forms::{is_digit, is_word, run, spaces};
use crate::patterns::re;

/// Month names by language, January first; several spellings where the UN uses them.
const MONTHS_EN: [&str; 12] = [
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
const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
/// Russian months in the genitive, as dates write them.
const MONTHS_RU: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
/// Arabic months: (Syriac name, Latin-derived names).
const MONTHS_AR: [(&str, &[&str]); 12] = [
    ("كانون الثاني", &["يناير"]),
    ("شباط", &["فبراير"]),
    ("آذار", &["مارس"]),
    ("نيسان", &["أبريل", "إبريل"]),
    ("أيار", &["مايو"]),
    ("حزيران", &["يونيه", "يونيو"]),
    ("تموز", &["يوليه", "يوليو"]),
    ("آب", &["أغسطس"]),
    ("أيلول", &["سبتمبر"]),
    ("تشرين الأول", &["أكتوبر"]),
    ("تشرين الثاني", &["نوفمبر"]),
    ("كانون الأول", &["ديسمبر"]),
];

/// Digits of any of the kinds [`unpara_model::digit_value`] reads.
const D: &str = r"[0-9٠-٩۰-۹]";

fn alternation(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

static DATE_FR: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b({D}{{1,2}}|1er)\s+({})\s+({D}{{4}})\b",
        alternation(&MONTHS_FR)
    ))
});
static DATE_ES: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)\b({D}{{1,2}})\s+de\s+({}|setiembre)\s+de\s+({D}{{4}})\b",
        alternation(&MONTHS_ES)
    ))
});
static DATE_RU: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"(?i)({D}{{1,2}})\s+({})\s+({D}{{4}})(?:\s*года|\s*г\.)?",
        alternation(&MONTHS_RU)
    ))
});
static DATE_AR: LazyLock<Regex> = LazyLock::new(|| {
    let syriac: Vec<&str> = MONTHS_AR.iter().map(|(s, _)| *s).collect();
    let latin: Vec<&str> = MONTHS_AR
        .iter()
        .flat_map(|(_, l)| l.iter().copied())
        .collect();
    re(&format!(
        r"({D}{{1,2}})\s+((?:{s})\s*/\s*(?:{l})|{s}|{l})\s+({D}{{4}})(?:\s*م)?",
        s = alternation(&syriac),
        l = alternation(&latin)
    ))
});
/// A date as printed: its byte range in the text, and the texts of its day, month and
/// year.
#[derive(Debug, PartialEq, Eq)]
struct Printed<'t> {
    whole: Range<usize>,
    day: &'t str,
    month: &'t str,
    year: &'t str,
}

impl<'t> Printed<'t> {
    /// The date a pattern's captures hold: groups 1, 2 and 3 are day, month and year.
    fn of(c: &regex::Captures<'t>) -> Option<Printed<'t>> {
        Some(Printed {
            whole: c.get(0)?.range(),
            day: c.get(1)?.as_str(),
            month: c.get(2)?.as_str(),
            year: c.get(3)?.as_str(),
        })
    }
}

/// A digit of the kinds [`D`] holds.
fn is_date_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{660}'..='\u{669}' | '\u{6F0}'..='\u{6F9}')
}

/// The text at the start of `s` of exactly `n` characters that `keep` holds, when the
/// character after them is not one (the whole run).
fn run_of(s: &str, n: std::ops::RangeInclusive<usize>, keep: fn(char) -> bool) -> Option<&str> {
    let (bytes, count) = run(s, keep);
    n.contains(&count).then(|| s.get(..bytes)).flatten()
}

/// The first `n` characters of `s` when there are `n` and `keep` holds them all (a
/// longer run is not refused: `\d{4}` reads the first four of five).
fn first_of(s: &str, n: usize, keep: fn(char) -> bool) -> Option<&str> {
    let end = s.char_indices().nth(n).map_or(s.len(), |(end, _)| end);
    let first = s.get(..end)?;
    (first.chars().count() == n && first.chars().all(keep)).then_some(first)
}

/// The leftmost English date in `text` (`29 August 2017`): at a word boundary, one or
/// two digits, white space, a month's name, white space, four digits, a word boundary
/// (the pattern `\b(D{1,2})\s+(January|…|December)\s+(D{4})\b`, [`D`]). A scan, not a
/// pattern: compiling the pattern took 2.3 M instructions (1.6 % of `unpara extract`
/// on `S_2013_220.pdf`) for the three lines it ran on.
fn english_date(text: &str) -> Option<Printed<'_>> {
    let mut before = None;
    text.char_indices().find_map(|(at, c)| {
        let boundary = !before.is_some_and(is_word);
        before = Some(c);
        if !boundary || !is_date_digit(c) {
            return None;
        }
        // No digit run can be read shorter: a digit or a word character follows it.
        let s = text.get(at..)?;
        let day = run_of(s, 1..=2, is_date_digit)?;
        let rest = s.get(day.len()..)?;
        let rest = rest.get(spaces(rest)..).filter(|r| r.len() < rest.len())?;
        let month = MONTHS_EN.iter().find(|m| rest.starts_with(**m))?;
        let rest = rest.get(month.len()..)?;
        let rest = rest.get(spaces(rest)..).filter(|r| r.len() < rest.len())?;
        let year = first_of(rest, 4, is_date_digit)?;
        if rest.get(year.len()..)?.chars().next().is_some_and(is_word) {
            return None;
        }
        Some(Printed {
            whole: at..text.len() - rest.len() + year.len(),
            day,
            month,
            year,
        })
    })
}

/// The leftmost Chinese date in `text` (`2017年8月29日`): four digits, `年`, one or two
/// digits, `月`, one or two digits, `日`, white space allowed around each character
/// (the pattern `(DIGIT{4})\s*年\s*(DIGIT{1,2})\s*月\s*(DIGIT{1,2})\s*日`,
/// [`crate::patterns::DIGIT`]); returned as day, month, year. A scan, not a pattern:
/// compiling it was 1.8 % of `unpara extract` on the Chinese fixture.
fn chinese_date(text: &str) -> Option<Printed<'_>> {
    // After a character of a unit: white space, then the unit's number of one or two
    // digits, the rest.
    let number_after = |s: &'static str, rest: &str| -> Option<(usize, usize)> {
        let r = rest.get(spaces(rest)..)?.strip_prefix(s)?;
        let skip = rest.len() - r.len() + spaces(r);
        let digits = run_of(r.get(spaces(r)..)?, 1..=2, is_digit)?;
        Some((skip, digits.len()))
    };
    text.char_indices().find_map(|(at, c)| {
        if !is_digit(c) {
            return None;
        }
        let s = text.get(at..)?;
        // Four digits from here (a longer run is read from its fourth-last digit).
        let year = first_of(s, 4, is_digit)?;
        let rest = s.get(year.len()..)?;
        let (skip, n) = number_after("年", rest)?;
        let month = rest.get(skip..skip + n)?;
        let rest = rest.get(skip + n..)?;
        let (skip, n) = number_after("月", rest)?;
        let day = rest.get(skip..skip + n)?;
        let rest = rest.get(skip + n..)?;
        let rest = rest.get(spaces(rest)..)?.strip_prefix('日')?;
        Some(Printed {
            whole: at..text.len() - rest.len(),
            day,
            month,
            year,
        })
    })
}

/// A number of decimal digits of any kind, `1er` as 1.
fn number(s: &str) -> Option<u32> {
    if s.eq_ignore_ascii_case("1er") {
        return Some(1);
    }
    unpara_model::decimal_value(s)
}

/// The month an Arabic month text names (`آب/أغسطس`, `آب`, `أغسطس`).
fn arabic_month(text: &str) -> Option<u32> {
    let first = text.split('/').next().unwrap_or(text).trim();
    MONTHS_AR
        .iter()
        .position(|(s, l)| *s == first || l.contains(&first))
        .map(|i| i as u32 + 1)
}

fn month_in(names: &[&str; 12], text: &str) -> Option<u32> {
    let t = text.to_lowercase();
    names
        .iter()
        .position(|m| m.to_lowercase() == t)
        .map(|i| i as u32 + 1)
}

/// The month names of English, French, Spanish and Russian, lowercased once: the test
/// [`find_date`] makes before it compiles and runs a language's pattern.
static MONTHS_LOWER: LazyLock<[Vec<String>; 4]> = LazyLock::new(|| {
    let lower = |months: &[&str]| months.iter().map(|m| m.to_lowercase()).collect();
    [
        lower(&MONTHS_EN),
        lower(&MONTHS_FR),
        lower(&MONTHS_ES),
        lower(&MONTHS_RU),
    ]
});

/// Whether `text` holds four digits in a row (of the kinds dates are written in).
fn has_four_digits(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if unpara_model::digit_value(c).is_some() || ('\u{FF10}'..='\u{FF19}').contains(&c) {
            run + 1
        } else {
            0
        };
        if run == 4 {
            return true;
        }
    }
    false
}

/// The first date in `text` and its byte range, as ISO `YYYY-MM-DD`; a day or month
/// out of range is no date.
pub(crate) fn find_date(text: &str) -> Option<(String, std::ops::Range<usize>)> {
    type Month = fn(&str) -> Option<u32>;
    // A date has a year of four digits; and each language's pattern is compiled and
    // run only for a text naming one of its months (compiling all six took a tenth of
    // `unpara extract` on a 24-page English report).
    if !has_four_digits(text) {
        return None;
    }
    let lower = text.to_lowercase();
    let named = |language: usize| {
        MONTHS_LOWER
            .get(language)
            .is_some_and(|months| months.iter().any(|m| lower.contains(m.as_str())))
    };
    let arabic = || {
        MONTHS_AR
            .iter()
            .any(|(s, l)| lower.contains(s) || l.iter().any(|m| lower.contains(m)))
    };
    type Scan = fn(&str) -> Option<Printed<'_>>;
    let forms: [(Scan, bool, Month); 5] = [
        (english_date, named(0), |m| month_in(&MONTHS_EN, m)),
        (
            |t| DATE_FR.captures(t).as_ref().and_then(Printed::of),
            named(1),
            |m| month_in(&MONTHS_FR, m),
        ),
        (
            |t| DATE_ES.captures(t).as_ref().and_then(Printed::of),
            named(2) || lower.contains("setiembre"),
            |m| {
                if m.eq_ignore_ascii_case("setiembre") {
                    Some(9)
                } else {
                    month_in(&MONTHS_ES, m)
                }
            },
        ),
        (
            |t| DATE_RU.captures(t).as_ref().and_then(Printed::of),
            named(3),
            |m| month_in(&MONTHS_RU, m),
        ),
        (
            |t| DATE_AR.captures(t).as_ref().and_then(Printed::of),
            arabic(),
            arabic_month,
        ),
    ];
    for (scan, named, month) in forms {
        if !named {
            continue;
        }
        if let Some(p) = scan(text) {
            let day = number(p.day)?;
            let month = month(p.month)?;
            let year = number(p.year)?;
            if (1..=31).contains(&day) {
                return Some((format!("{year:04}-{month:02}-{day:02}"), p.whole));
            }
        }
    }
    if !text.contains('年') {
        return None;
    }
    let p = chinese_date(text)?;
    let year: u32 = p.year.parse().ok()?;
    let month: u32 = p.month.parse().ok()?;
    let day: u32 = p.day.parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| (format!("{year:04}-{month:02}-{day:02}"), p.whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(t: &str) -> Option<String> {
        find_date(t).map(|(d, _)| d)
    }

    #[test]
    fn dates_of_the_six_languages() {
        assert_eq!(iso("29 August 2017").as_deref(), Some("2017-08-29"));
        assert_eq!(iso("2017年8月29日").as_deref(), Some("2017-08-29"));
        assert_eq!(iso("29 août 2017").as_deref(), Some("2017-08-29"));
        assert_eq!(iso("1er décembre 2018").as_deref(), Some("2018-12-01"));
        assert_eq!(iso("29 de agosto de 2017").as_deref(), Some("2017-08-29"));
        assert_eq!(iso("29 августа 2017 года").as_deref(), Some("2017-08-29"));
        assert_eq!(iso("29 آب/أغسطس 2017").as_deref(), Some("2017-08-29"));
        assert_eq!(
            iso("10 كانون الأول/ديسمبر 1948").as_deref(),
            Some("1948-12-10")
        );
        assert_eq!(
            iso("10 كانون الأول / ديسمبر 1948").as_deref(),
            Some("1948-12-10")
        );
        assert_eq!(iso("٢٩ أغسطس ٢٠١٧").as_deref(), Some("2017-08-29"));
        assert_eq!(iso("5 June 2019").as_deref(), Some("2019-06-05"));
        assert_eq!(iso("41 August 2017"), None);
        assert_eq!(iso("August 2017"), None);
    }
}

/// The scans of the English and Chinese dates are the patterns they replaced (commit
/// 2f84596), on texts made of the dates' pieces in any order.
#[cfg(test)]
mod same_as_the_patterns {
    use super::*;
    use crate::patterns::DIGIT;
    use proptest::prelude::*;

    fn english() -> Regex {
        re(&format!(
            r"\b({D}{{1,2}})\s+({})\s+({D}{{4}})\b",
            alternation(&MONTHS_EN)
        ))
    }

    fn chinese() -> Regex {
        re(&format!(
            r"({DIGIT}{{4}})\s*年\s*({DIGIT}{{1,2}})\s*月\s*({DIGIT}{{1,2}})\s*日"
        ))
    }

    fn check(en: &Regex, zh: &Regex, t: &str) -> Result<(), TestCaseError> {
        let by_pattern = en.captures(t).as_ref().and_then(Printed::of);
        prop_assert_eq!(english_date(t), by_pattern, "English {:?}", t);
        // The Chinese pattern's groups are year, month, day.
        let by_pattern = zh.captures(t).and_then(|c| {
            Some(Printed {
                whole: c.get(0)?.range(),
                day: c.get(3)?.as_str(),
                month: c.get(2)?.as_str(),
                year: c.get(1)?.as_str(),
            })
        });
        prop_assert_eq!(chinese_date(t), by_pattern, "Chinese {:?}", t);
        Ok(())
    }

    const PIECES: [&str; 26] = [
        "1", "29", "٢٩", "۲", "１", "2017", "12017", "٢٠١٧", "August", "May", "Augusts", " ", "  ",
        "\u{a0}", "\n", "年", "月", "日", "x", "é", "-", "(", "of", "\u{3000}", "8", "0",
    ];

    #[test]
    fn on_texts_of_the_forms() {
        let (en, zh) = (english(), chinese());
        for t in [
            "29 August 2017",
            "Geneva, 5 June 2019 and 6 June 2019",
            "x29 August 2017",
            "123 August 2017",
            "29 August 20171",
            "٢٩ August ٢٠١٧",
            "2017年8月29日",
            "12017 年 12 月 1 日",
            "２０１７年８月２９日",
            "2017年123月1日",
            "",
        ] {
            check(&en, &zh, t)
                .map_err(|e| e.to_string())
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn on_any_text_of_the_pieces(picks in proptest::collection::vec(0..PIECES.len(), 0..12)) {
            thread_local! {
                static PATTERNS: (Regex, Regex) = (english(), chinese());
            }
            let text: String = picks.iter().filter_map(|&i| PIECES.get(i).copied()).collect();
            PATTERNS.with(|(en, zh)| check(en, zh, &text))?;
        }
    }
}
