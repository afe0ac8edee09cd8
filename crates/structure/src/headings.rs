//! Headings without roman or letter labels: by the words they are made of in the six
//! languages (`Article 1` / `第一条` / `Article premier` / `Artículo 1` / `Статья 1` /
//! `المادة 1`, `Preamble` / `序言` / `Préambule` / `Preámbulo` / `Преамбула` /
//! `الديباجة`, `Annex`, `Chapter`, `Section 10`, `Part IV`, `Subprogramme 1` and their
//! counterparts), and by typography measured against the body — set bold or larger
//! than the body, short, not ending a sentence, standing alone between block breaks.

use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use crate::labels::{chinese_value, roman_value};
use crate::patterns::{re, DIGIT};

/// A heading told by its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PatternHeading {
    /// Heading depth.
    pub level: u8,
    /// The article's number (`Article 12`, `第十二条`): articles anchor the alignment of
    /// conventions and declarations, as the XML readers number them.
    pub number: Option<u32>,
}

/// One form of heading told by its words: the words it may start with (a cheap test
/// before its pattern is compiled and run; compiling every form up front took about a
/// twentieth of `unpara extract` on a 24-page report), whether they are matched
/// without case, the pattern (the whole line, or its start followed by a title after a
/// colon or dash), the level, and whether the number is an article's.
struct Form {
    leads: &'static [&'static str],
    fold: bool,
    pattern: String,
    level: u8,
    article: bool,
    regex: OnceLock<Regex>,
}

impl Form {
    fn new(leads: &'static [&'static str], pattern: String, level: u8, article: bool) -> Form {
        Form {
            leads,
            fold: pattern.contains("(?i"),
            pattern,
            level,
            article,
            regex: OnceLock::new(),
        }
    }

    /// Whether `t` starts with one of the form's words.
    fn may_match(&self, t: &str, lower: &str) -> bool {
        let text = if self.fold { lower } else { t };
        let first = text.as_bytes().first();
        // The first byte before the word (most texts open with one no word has).
        self.leads
            .iter()
            .any(|w| w.as_bytes().first() == first && text.starts_with(*w))
    }

    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| re(&self.pattern))
    }
}

/// Heading words, as data. Sources: UN Editorial Manual ("Headings", "Annexes"), the
/// UDHR and the UN treaty style (`Article 1` / `第一条`), programme budget fascicles
/// (`Section 10`, `Subprogramme 1`).
static FORMS: LazyLock<Vec<Form>> = LazyLock::new(|| {
    let num = format!(r"({DIGIT}{{1,3}}|[IVXL]{{1,6}}|[一二三四五六七八九十百〇零]{{1,4}})");
    let num = num.as_str();
    const TITLE: &str = r"(?:\s*[:.—–-]\s*\S.*|\s+\S.*)?$";
    const ARTICLE: &[&str] = &["Article", "Artículo", "Статья", "المادة"];
    const ANNEX: &[&str] = &[
        "Annex",
        "Appendix",
        "Annexe",
        "Appendice",
        "Anexo",
        "Apéndice",
        "Приложение",
        "Добавление",
        "المرفق",
        "التذييل",
    ];
    const PART: &[&str] = &[
        "Chapter",
        "Part",
        "Chapitre",
        "Partie",
        "Capítulo",
        "Parte",
        "Глава",
        "Часть",
        "الفصل",
        "الجزء",
    ];
    vec![
        Form::new(
            ARTICLE,
            format!(r"^(?:Article|Artículo|Статья|المادة)\s+{num}$"),
            1,
            true,
        ),
        Form::new(&["Article"], r"^Article\s+(premier)$".into(), 1, true),
        Form::new(&["第"], format!(r"^第\s*{num}\s*条$"), 1, true),
        Form::new(
            &[
                "preamble",
                "préambule",
                "preámbulo",
                "преамбула",
                "الديباجة",
                "序言",
            ],
            format!(r"^(?i:Preamble|Préambule|Preámbulo|Преамбула|الديباجة|序言){TITLE}"),
            1,
            false,
        ),
        Form::new(
            ANNEX,
            format!(
                r"^(?:Annex|Appendix|Annexe|Appendice|Anexo|Apéndice|Приложение|Добавление|المرفق|التذييل)(?:\s+{num})?{TITLE}"
            ),
            1,
            false,
        ),
        Form::new(&["附件"], format!(r"^附件\s*{num}?{TITLE}"), 1, false),
        Form::new(
            PART,
            format!(
                r"^(?:Chapter|Part|Chapitre|Partie|Capítulo|Parte|Глава|Часть|الفصل|الجزء)\s+{num}{TITLE}"
            ),
            1,
            false,
        ),
        Form::new(
            &["第"],
            format!(r"^第\s*{num}\s*(?:章|部分|编){TITLE}"),
            1,
            false,
        ),
        Form::new(
            &["Section", "Subprogramme", "Programme"],
            format!(r"^(?:Section|Subprogramme|Programme)\s+{num}{TITLE}"),
            2,
            false,
        ),
        Form::new(
            &["第"],
            format!(r"^第\s*{num}\s*(?:节|款){TITLE}"),
            2,
            false,
        ),
        Form::new(
            &["次级方案"],
            format!(r"^次级方案\s*{num}{TITLE}"),
            2,
            false,
        ),
    ]
});

/// Most characters a heading told by its words may have (`Chapter IV: …` with its
/// title); longer text starting with such a word is a sentence (`Article 5 of the
/// Convention provides …`) unless typography says heading.
const MAX_PATTERN_HEADING_CHARS: usize = 120;

/// Characters of a line lowercased to test the words a form starts with (the longest
/// word, `Subprogramme`, has 12).
const MAX_LEAD_CHARS: usize = 16;

/// The heading a line's or block's whole text is, by its words.
pub(crate) fn pattern_heading(text: &str) -> Option<PatternHeading> {
    let t = text.trim();
    // Counted only as far as the limit (a paragraph runs to a thousand characters).
    if t.chars().nth(MAX_PATTERN_HEADING_CHARS).is_some() {
        return None;
    }
    let head = t
        .char_indices()
        .nth(MAX_LEAD_CHARS)
        .map_or(t, |(end, _)| t.get(..end).unwrap_or(t));
    let lower = head.to_lowercase();
    FORMS.iter().find_map(|form| {
        if !form.may_match(t, &lower) {
            return None;
        }
        let c = form.regex().captures(t)?;
        let (level, article) = (&form.level, &form.article);
        let number = if *article {
            c.get(1).and_then(|n| {
                let n = n.as_str();
                unpara_model::decimal_value(n)
                    .or_else(|| (n == "premier").then_some(1))
                    .or_else(|| roman_value(n))
                    .or_else(|| chinese_value(n))
            })
        } else {
            None
        };
        // A sentence that happens to begin with the word has no title separator and
        // ends like a sentence.
        if t.ends_with(['.', ';', ',', '。', '；', '，']) {
            return None;
        }
        Some(PatternHeading {
            level: *level,
            number,
        })
    })
}

/// Whether a block looks like a heading by typography: bold at body size or larger, or
/// larger than the body; short (`lines` ≤ [`MAX_HEADING_LINES`]); not ending a
/// sentence.
pub(crate) fn typographic_heading(
    text: &str,
    lines: usize,
    bold: bool,
    larger: bool,
    smaller: bool,
) -> Option<u8> {
    let t = text.trim();
    let ends_sentence = t.ends_with(['.', ';', ',', ':', '。', '；', '，', '：']);
    if lines > MAX_HEADING_LINES || ends_sentence || t.is_empty() || smaller {
        return None;
    }
    match (larger, bold) {
        (true, _) => Some(1),
        (false, true) => Some(2),
        _ => None,
    }
}

/// A heading is at most this many lines (the longest in the fixtures and the UN
/// reports of the corpus wraps to three).
pub(crate) const MAX_HEADING_LINES: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_words_in_both_languages() {
        let h = |t: &str| pattern_heading(t).map(|p| (p.level, p.number));
        assert_eq!(h("Article 1"), Some((1, Some(1))));
        assert_eq!(h("Artículo 12"), Some((1, Some(12))));
        assert_eq!(h("Статья 3"), Some((1, Some(3))));
        assert_eq!(h("المادة 30"), Some((1, Some(30))));
        assert_eq!(h("المادة ٣٠"), Some((1, Some(30))));
        assert_eq!(h("ПРЕАМБУЛА"), Some((1, None)));
        assert_eq!(h("Préambule"), Some((1, None)));
        assert_eq!(h("Article premier"), Some((1, Some(1))));
        assert_eq!(h("Anexo II"), Some((1, None)));
        assert_eq!(h("第二十七条"), Some((1, Some(27))));
        assert_eq!(h("Preamble"), Some((1, None)));
        assert_eq!(h("序言"), Some((1, None)));
        assert_eq!(h("Annex"), Some((1, None)));
        assert_eq!(h("Annex II"), Some((1, None)));
        assert_eq!(h("附件一"), Some((1, None)));
        assert_eq!(h("Chapter IV: Implementation"), Some((1, None)));
        assert_eq!(h("Part IV"), Some((1, None)));
        assert_eq!(h("Section 10"), Some((2, None)));
        assert_eq!(h("Subprogramme 1 Executive direction"), Some((2, None)));
        assert_eq!(h("第三章"), Some((1, None)));
        assert_eq!(
            h("Article 5 of the Convention provides that States shall."),
            None
        );
        assert_eq!(h("Annexes to the report were issued."), None);
        assert_eq!(h("Introduction"), None);
    }

    #[test]
    fn typography() {
        assert_eq!(
            typographic_heading("Summary", 1, true, false, false),
            Some(2)
        );
        assert_eq!(
            typographic_heading("Budget performance", 2, false, true, false),
            Some(1)
        );
        assert_eq!(
            typographic_heading("Now, therefore,", 1, true, false, false),
            None
        );
        assert_eq!(
            typographic_heading("plain text", 1, false, false, false),
            None
        );
    }
}
