//! Regular expressions for UN document furniture and metadata (UN Editorial Manual,
//! "Document symbols" and "Job numbers"; front page layout per DESIGN.md).

use regex::Regex;

/// The decimal digits of the six languages' documents, for patterns: ASCII, Arabic-Indic
/// (U+0660–0669), Eastern Arabic-Indic (U+06F0–06F9) and full-width (U+FF10–FF19).
/// Unicode's `\d` (every script's digits, about 70 ranges) made compiling the
/// structure stage's patterns about a seventh of `unpara extract`'s time on a 24-page
/// report (perf, `S_2013_220.pdf`); this class compiles in a sixth of the time. The
/// forms that used it are scanned by hand now ([`crate::digit_forms`],
/// [`crate::headings`], the Chinese dates of [`crate::dates`]); it stays as their
/// tests' oracle.
#[cfg(test)]
pub(crate) const DIGIT: &str = "[0-9\u{660}-\u{669}\u{6F0}-\u{6F9}\u{FF10}-\u{FF19}]";

/// [`DIGIT`]'s ranges, for use inside another class (`[^{DIGITS}\s.]`): the patterns the
/// scans of [`crate::digit_forms`] are tested against.
#[cfg(test)]
pub(crate) const DIGITS: &str = "0-9\u{660}-\u{669}\u{6F0}-\u{6F9}\u{FF10}-\u{FF19}";

/// Compiles a constant pattern; every pattern here is exercised by the tests below.
pub(crate) fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("constant pattern compiles")
}

/// The English term of a distribution word of any language (`générale` → `General`),
/// so that the versions of one document carry the same value.
pub(crate) fn distribution_term(printed: &str) -> &'static str {
    match printed.to_lowercase().as_str() {
        "limited" | "limitée" | "limitada" | "ограниченная" | "محدود" => {
            "Limited"
        }
        "restricted"
        | "restreinte"
        | "reservada"
        | "restringida"
        | "для служебного пользования"
        | "سري" => "Restricted",
        _ => "General",
    }
}

/// A line naming only a language (the language line of the front page), in any of the
/// six languages' names for it (`French`, `Français`, `Español`, `Русский`, `عربي`).
pub(crate) fn is_language_line(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() >= 2
        && !t.chars().all(|c| c.is_ascii_lowercase())
        && t.chars().all(char::is_alphabetic)
        && unpara_model::Lang::parse(t).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_digit_class_holds_the_digits_of_the_six_languages() {
        let digit = re(&format!("^{DIGIT}$"));
        let unicode = re(r"^\d$");
        for c in ['0', '9', '٠', '٩', '۰', '۹', '０', '９'] {
            let s = c.to_string();
            assert!(digit.is_match(&s) && unicode.is_match(&s), "{c}");
        }
        for c in ['a', '.', '/', '〇', '一', 'Ⅳ', ' '] {
            assert!(!digit.is_match(&c.to_string()), "{c}");
        }
        for c in ['0', '٩', '۰', '９', 'a', '〇', 'Ⅳ', '٫'] {
            assert_eq!(
                crate::digit_forms::is_digit(c),
                digit.is_match(&c.to_string()),
                "{c}"
            );
        }
    }

    #[test]
    fn furniture_patterns() {
        for (line, term) in [
            ("Distr.: General", "General"),
            ("Distr. générale", "General"),
            ("Distr. limitée", "Limited"),
            ("Distr. general", "General"),
            ("Distr. reservada", "Restricted"),
            ("Distr.: Общая", "General"),
            ("التوزيع: محدود", "Limited"),
        ] {
            let printed = crate::front_lines::distribution(line).and_then(|f| line.get(f.value));
            assert_eq!(printed.map(distribution_term), Some(term), "{line}");
        }
        for (line, lang) in [
            ("Original: English", "en"),
            ("Original : anglais", "en"),
            ("Original: inglés", "en"),
            ("Original: francés", "fr"),
            ("Подлинный текст: английский", "en"),
            ("الأصل: بالإنكليزية", "en"),
            ("الأصل: بالعربية", "ar"),
            ("原文：英文", "en"),
        ] {
            let name = crate::front_lines::original(line).and_then(|f| line.get(f.value));
            assert_eq!(
                name.and_then(unpara_model::Lang::parse).map(|l| l.code()),
                Some(lang),
                "{line}"
            );
        }
        for l in [
            "French",
            "Français",
            "Español",
            "Русский",
            "عربي",
            "中文",
            "English",
        ] {
            assert!(is_language_line(l), "{l}");
        }
        assert!(!is_language_line("en") && !is_language_line("Report"));
    }
}
