//! Front-page dates in the six languages, to ISO 8601 (`YYYY-MM-DD`): `29 August 2017`,
//! `2017年8月29日`, `29 août 2017` (and `1er août`), `29 de agosto de 2017`,
//! `29 августа 2017 года`, `29 آب/أغسطس 2017` (the Arabic month as the UN writes it:
//! its Syriac name, a slash, its Latin-derived name; either alone is read too). Digits
//! may be Arabic-Indic. Month names from the UN's Editorial Manuals of each language.

use std::sync::LazyLock;

use regex::Regex;

use crate::patterns::{re, DIGIT};

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

static DATE_EN: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"\b({D}{{1,2}})\s+({})\s+({D}{{4}})\b",
        alternation(&MONTHS_EN)
    ))
});
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
static DATE_ZH: LazyLock<Regex> = LazyLock::new(|| {
    re(&format!(
        r"({DIGIT}{{4}})\s*年\s*({DIGIT}{{1,2}})\s*月\s*({DIGIT}{{1,2}})\s*日"
    ))
});

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
    let forms: [(&LazyLock<Regex>, bool, Month); 5] = [
        (&DATE_EN, named(0), |m| month_in(&MONTHS_EN, m)),
        (&DATE_FR, named(1), |m| month_in(&MONTHS_FR, m)),
        (&DATE_ES, named(2) || lower.contains("setiembre"), |m| {
            if m.eq_ignore_ascii_case("setiembre") {
                Some(9)
            } else {
                month_in(&MONTHS_ES, m)
            }
        }),
        (&DATE_RU, named(3), |m| month_in(&MONTHS_RU, m)),
        (&DATE_AR, arabic(), arabic_month),
    ];
    for (pattern, named, month) in forms {
        if !named {
            continue;
        }
        if let Some(c) = LazyLock::force(pattern).captures(text) {
            let whole = c.get(0)?;
            let day = number(c.get(1)?.as_str())?;
            let month = month(c.get(2)?.as_str())?;
            let year = number(c.get(3)?.as_str())?;
            if (1..=31).contains(&day) {
                return Some((format!("{year:04}-{month:02}-{day:02}"), whole.range()));
            }
        }
    }
    if !text.contains('年') {
        return None;
    }
    let c = DATE_ZH.captures(text)?;
    let year: u32 = c.get(1)?.as_str().parse().ok()?;
    let month: u32 = c.get(2)?.as_str().parse().ok()?;
    let day: u32 = c.get(3)?.as_str().parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| {
        (
            format!("{year:04}-{month:02}-{day:02}"),
            c.get(0).map_or(0..0, |m| m.range()),
        )
    })
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
